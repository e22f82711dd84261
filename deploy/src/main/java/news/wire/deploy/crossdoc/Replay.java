package news.wire.deploy.crossdoc;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * When and from whom each ECB+ document is published in a replay. ECB+ documents carry no dates, so each window of
 * 48 hours gets its own day: in {@link Mode#NORMAL} each sub-topic has a window of its own, in {@link Mode#HARD} a
 * topic's two sub-topics (two different events of the same kind) share one. Windows start 10 days apart, more than
 * the stack's 3-day story window, so only articles meant to compete ever meet. Within a window the articles are
 * spread evenly in a seeded pseudo-random order, each from one of a few sources, so stories are multi-source.
 */
final class Replay {

    static final Duration WINDOW = Duration.ofHours(48);
    static final Duration WINDOW_SPACING = Duration.ofDays(10);
    static final int SOURCES = 6;

    enum Mode {
        NORMAL, HARD;

        String label() {
            return name().toLowerCase();
        }
    }

    /** One document as posted. */
    record Item(EcbDocument document, Instant publishedAt, String source, String sourceItemId) {
    }

    private Replay() {
    }

    /** The documents in publication order. */
    static List<Item> schedule(List<EcbDocument> documents, Mode mode, Instant base, String nonce, long seed) {
        Map<String, List<EcbDocument>> windows = new LinkedHashMap<>();
        for (EcbDocument document : documents) {
            String window = mode == Mode.NORMAL ? document.goldStory() : Integer.toString(document.topic());
            windows.computeIfAbsent(window, w -> new ArrayList<>()).add(document);
        }
        List<Item> items = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, List<EcbDocument>> window : windows.entrySet()) {
            Instant start = base.plus(WINDOW_SPACING.multipliedBy(index++));
            Random random = new Random(seed ^ window.getKey().hashCode());
            // In a shared window each sub-topic is spread over the whole 48 hours, so the two interleave.
            Map<String, List<EcbDocument>> bySubTopic = new LinkedHashMap<>();
            for (EcbDocument document : window.getValue()) {
                bySubTopic.computeIfAbsent(document.subTopic(), s -> new ArrayList<>()).add(document);
            }
            for (List<EcbDocument> subTopic : bySubTopic.values()) {
                List<EcbDocument> order = new ArrayList<>(subTopic);
                java.util.Collections.shuffle(order, random);
                long step = WINDOW.toSeconds() / order.size();
                for (int i = 0; i < order.size(); i++) {
                    EcbDocument document = order.get(i);
                    Instant at = start.plusSeconds(step * i + random.nextInt((int) Math.max(1, step)));
                    String source = "ECB Wire " + (1 + random.nextInt(SOURCES));
                    items.add(new Item(document, at, source,
                            "ecbplus:" + nonce + ":" + mode.label() + ":" + document.name()));
                }
            }
        }
        items.sort(Comparator.comparing(Item::publishedAt));
        return items;
    }

    /** Days a replay of {@code documents} spans from its base. */
    static Duration span(List<EcbDocument> documents, Mode mode) {
        long windows = documents.stream()
                .map(d -> mode == Mode.NORMAL ? d.goldStory() : Integer.toString(d.topic())).distinct().count();
        return WINDOW_SPACING.multipliedBy(windows);
    }
}
