package news.wire.enrich.enrichment;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Records each engine's time per article as the histogram {@code enrich_engine_seconds{engine}}. */
@ApplicationScoped
public class EngineMeters implements EngineTimer {

    // From a rule pass on a short brief (well under a millisecond) to the CRF on a long feature (tens of ms).
    public static final Duration[] LATENCY_BUCKETS = {
            Duration.ofNanos(250_000), Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofMillis(2),
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1)};

    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public EngineMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public <T> T time(String engine, Supplier<T> work) {
        return timers.computeIfAbsent(engine, this::timer).record(work);
    }

    private Timer timer(String engine) {
        return Timer.builder("enrich.engine")
                .description("Time one engine (entities, numbers, dates) spends on one article")
                .tag("engine", engine)
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry);
    }
}
