package news.wire.enrich.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import news.wire.enrich.messaging.EnrichmentWorkers;

/** Live only while every enrichment worker runs: a dead one strands its partitions, so restart the service. */
@Liveness
@ApplicationScoped
public class EnrichmentWorkersCheck implements HealthCheck {

    private final EnrichmentWorkers workers;

    public EnrichmentWorkersCheck(EnrichmentWorkers workers) {
        this.workers = workers;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("enrichment-workers").status(workers.allAlive())
                .withData("workers", workers.size()).build();
    }
}
