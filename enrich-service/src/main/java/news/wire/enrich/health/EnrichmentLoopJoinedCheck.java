package news.wire.enrich.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import news.wire.enrich.messaging.EnrichmentLoop;

/** Ready once the loop's consumer has joined its group: before that, articles wait for a rebalance. */
@Readiness
@ApplicationScoped
public class EnrichmentLoopJoinedCheck implements HealthCheck {

    private final EnrichmentLoop loop;

    public EnrichmentLoopJoinedCheck(EnrichmentLoop loop) {
        this.loop = loop;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("enrichment-loop-joined").status(loop.joined()).build();
    }
}
