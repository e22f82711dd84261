package news.wire.enrich.numbers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import news.wire.enrich.copy.ArticleField;

/**
 * A figure stated in an article: its value, kind and hedge, the currency or unit, and the thing counted where the
 * sentence names it. [start, end) covers the qualifier, the figure and its unit, not the thing counted.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NumberMention(
        @JsonSerialize(using = WholeFigureSerializer.class) double value,
        NumberKind kind,
        Qualifier qualifier,
        String currency,
        String unit,
        String counted,
        ArticleField field,
        int start,
        int end,
        String text) {
}
