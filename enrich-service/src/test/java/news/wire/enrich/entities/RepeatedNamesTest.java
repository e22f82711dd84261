package news.wire.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import news.wire.enrich.copy.ArticleField;

/** Further uses of a tagged name, on spans given by hand. */
class RepeatedNamesTest {

    private static NameSpan span(String body, String text, int from, EntityType type) {
        int start = body.indexOf(text, from);
        return new NameSpan(ArticleField.BODY, start, start + text.length(), text, type);
    }

    private static List<String> described(List<NameSpan> spans) {
        return spans.stream().map(s -> s.start() + " " + s.text() + " " + s.type()).toList();
    }

    @Test
    void aNameTaggedOnceIsTaggedWhereverItIsWrittenAgain() {
        String body = "Vorlund led from the start in Kestrel Bay. Asked about the wind, Vorlund shrugged; Vorlund's"
                + " coach said Kestrel Bay always blows.";
        List<NameSpan> spans = List.of(span(body, "Vorlund", 0, EntityType.PERSON),
                span(body, "Kestrel Bay", 0, EntityType.LOCATION));

        List<NameSpan> all = RepeatedNames.addTo(body, spans);

        assertEquals(List.of("0 Vorlund PERSON", "30 Kestrel Bay LOCATION", "65 Vorlund PERSON",
                "83 Vorlund PERSON", "104 Kestrel Bay LOCATION"), described(all));
    }

    @Test
    void aNameInsideAHyphenatedWordIsNotAUseOfIt() {
        String body = "Crews from Lenmore sailed at dawn. The Lenmore-based fleet returned at noon.";
        List<NameSpan> spans = List.of(span(body, "Lenmore", 0, EntityType.LOCATION));

        assertEquals(spans, RepeatedNames.addTo(body, spans));
    }

    @Test
    void calendarWordsAndCapitalsAreNotRepeated() {
        String body = "May told MPs the vote would come in May. HARWICK 61 40 led the table; HARWICK 58 43 a year ago.";
        List<NameSpan> spans = List.of(span(body, "May", 0, EntityType.PERSON),
                span(body, "HARWICK", 0, EntityType.LOCATION));

        assertEquals(spans, RepeatedNames.addTo(body, spans));
    }
}
