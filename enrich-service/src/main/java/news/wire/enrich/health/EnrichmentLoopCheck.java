package news.wire.enrich.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import news.wire.enrich.messaging.EnrichmentLoop;

/** Live only while the enrichment loop runs: a service whose loop died should be restarted. */
@Liveness
@ApplicationScoped
public class EnrichmentLoopCheck implements HealthCheck {

    private final EnrichmentLoop loop;

    public EnrichmentLoopCheck(EnrichmentLoop loop) {
        this.loop = loop;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("enrichment-loop").status(loop.alive()).build();
    }
}
