package news.wire.enrich.numbers;

import java.util.List;

import news.wire.enrich.copy.ArticleField;
import news.wire.enrich.dates.DateMention;

/** Finds the figures in one field of an article; a pure function of the text, so engines can be swapped. */
public interface NumberExtractor {

    /** Engine name and version, recorded in every enriched article so it can be re-enriched later. */
    String engine();

    /** The figures in {@code text}, in order of position; years, days of dates and clock times are left out. */
    List<NumberMention> extract(ArticleField field, String text);

    /** The figures in {@code text} that are no part of the dates, times and durations found in the article. */
    default List<NumberMention> extract(ArticleField field, String text, List<DateMention> dates) {
        return DatesAndTimes.outside(extract(field, text), dates);
    }
}
