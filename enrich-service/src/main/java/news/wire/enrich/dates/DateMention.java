package news.wire.enrich.dates;

import com.fasterxml.jackson.annotation.JsonInclude;

import news.wire.enrich.copy.ArticleField;

/**
 * A date, time, duration or recurrence in an article, with its TIMEX3-style value resolved against the publication
 * time ("2024-10-07", "2024-W41", "P6M", "FUTURE_REF", "XXXX-WXX-1") and its TIMEX3 mod (APPROX, MORE_THAN, ...).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DateMention(
        TimexType type,
        String value,
        String mod,
        ArticleField field,
        int start,
        int end,
        String text) {
}
