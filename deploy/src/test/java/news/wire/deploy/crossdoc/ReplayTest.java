package news.wire.deploy.crossdoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class ReplayTest {

    private static final Instant BASE = Instant.parse("1801-01-01T00:00:00Z");

    @Test
    void normalModeGivesEachSubTopicItsOwnWindowTenDaysApart() {
        List<Replay.Item> items = Replay.schedule(documents(), Replay.Mode.NORMAL, BASE, "n1", 14);

        Map<String, List<Instant>> times = timesBySubTopic(items);
        assertEquals(4, times.size());
        assertWithin(times.get("1/ecb"), BASE);
        assertWithin(times.get("1/ecbplus"), BASE.plus(Duration.ofDays(10)));
        assertWithin(times.get("2/ecb"), BASE.plus(Duration.ofDays(20)));
        assertWithin(times.get("2/ecbplus"), BASE.plus(Duration.ofDays(30)));
        assertEquals("ecbplus:n1:normal:1_1ecb.xml", items.stream()
                .filter(i -> i.document().name().equals("1_1ecb.xml")).findFirst().orElseThrow().sourceItemId());
    }

    @Test
    void hardModePutsATopicsTwoEventsInOneWindow() {
        List<Replay.Item> items = Replay.schedule(documents(), Replay.Mode.HARD, BASE, "n1", 14);

        Map<String, List<Instant>> times = timesBySubTopic(items);
        assertWithin(times.get("1/ecb"), BASE);
        assertWithin(times.get("1/ecbplus"), BASE);
        assertWithin(times.get("2/ecb"), BASE.plus(Duration.ofDays(10)));
        assertWithin(times.get("2/ecbplus"), BASE.plus(Duration.ofDays(10)));
    }

    @Test
    void isInPublicationOrderAndTheSameForTheSameSeed() {
        List<Replay.Item> items = Replay.schedule(documents(), Replay.Mode.HARD, BASE, "n1", 14);

        for (int i = 1; i < items.size(); i++) {
            assertTrue(!items.get(i).publishedAt().isBefore(items.get(i - 1).publishedAt()));
        }
        assertEquals(items, Replay.schedule(documents(), Replay.Mode.HARD, BASE, "n1", 14));
        assertTrue(items.stream().map(Replay.Item::source).distinct().count() > 1, "several sources");
    }

    private static void assertWithin(List<Instant> times, Instant start) {
        for (Instant time : times) {
            assertTrue(!time.isBefore(start) && time.isBefore(start.plus(Replay.WINDOW)), time + " not in window from " + start);
        }
    }

    private static Map<String, List<Instant>> timesBySubTopic(List<Replay.Item> items) {
        return items.stream().collect(Collectors.groupingBy(i -> i.document().goldStory(),
                Collectors.mapping(Replay.Item::publishedAt, Collectors.toList())));
    }

    private static List<EcbDocument> documents() {
        List<EcbDocument> documents = new ArrayList<>();
        for (int topic = 1; topic <= 2; topic++) {
            for (String subTopic : List.of("ecb", "ecbplus")) {
                for (int n = 1; n <= 6; n++) {
                    documents.add(new EcbDocument(topic, topic + "_" + n + subTopic + ".xml", subTopic, List.of(), List.of()));
                }
            }
        }
        return documents;
    }
}
