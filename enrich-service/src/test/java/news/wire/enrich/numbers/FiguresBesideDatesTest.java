package news.wire.enrich.numbers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import news.wire.enrich.copy.ArticleField;
import news.wire.enrich.dates.NewsDateExtractor;

/** The production path for figures: what the date rules claim is no figure, but a rate after a figure still is. */
class FiguresBesideDatesTest {

    private static final ZonedDateTime PUBLISHED = ZonedDateTime.parse("2026-11-20T10:00:00Z");
    private final NewsNumberExtractor numbers = new NewsNumberExtractor();
    private final NewsDateExtractor dates = new NewsDateExtractor();

    private List<String> figures(String text) {
        return numbers.extract(ArticleField.BODY, text, dates.extract(ArticleField.BODY, text, PUBLISHED)).stream()
                .map(NumberMention::text).toList();
    }

    @Test
    void aRateEndingInAPeriodOfTimeStaysAFigure() {
        assertEquals(List.of("£11.44 an hour"), figures("The minimum wage rises to £11.44 an hour."));
        assertEquals(List.of("9 million barrels a day"), figures("The cartel pumps 9 million barrels a day."));
    }

    @Test
    void figuresInsideDatesAndDurationsAreNone() {
        assertEquals(List.of(), figures("Talks resume on 12 March after 10 days of silence."));
        assertEquals(List.of("40"), figures("Forty years on, 40 veterans returned in 2024."));
    }
}
