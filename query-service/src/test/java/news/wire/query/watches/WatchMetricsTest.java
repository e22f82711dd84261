package news.wire.query.watches;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class WatchMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private Set<String> watchesIn(String name) {
        Set<String> watches = new TreeSet<>();
        for (Meter meter : registry.find(name).meters()) {
            watches.add(meter.getId().getTag("watch"));
        }
        return watches;
    }

    @Test
    void watchesWithoutAWebhookLeaveTheRegistry() {
        WatchMetrics metrics = new WatchMetrics(registry);
        for (int i = 0; i < 50; i++) {
            metrics.webhookState("w" + i, i, false);
            metrics.failed("w" + i);
        }

        metrics.keepWebhooksOf(Set.of("w1", "w2"));

        Set<String> kept = Set.of(WatchMetrics.NO_WATCH, "w1", "w2");
        assertEquals(kept, watchesIn("query.watch.webhook.failures"));
        assertEquals(kept, watchesIn("query.watch.webhook.pending"));
        assertEquals(kept, watchesIn("query.watch.webhook.paused"));
        metrics.webhookState("w3", 7, true); // given a webhook again: its series come back
        assertEquals(7.0, registry.get("query.watch.webhook.pending").tag("watch", "w3").gauge().value());
    }
}
