package news.wire.enrich.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import news.wire.enrich.messaging.EnrichmentWorkers;

/** Ready once every worker has joined the consumer group: until then some partitions wait for a rebalance. */
@Readiness
@ApplicationScoped
public class EnrichmentWorkersJoinedCheck implements HealthCheck {

    private final EnrichmentWorkers workers;

    public EnrichmentWorkersJoinedCheck(EnrichmentWorkers workers) {
        this.workers = workers;
    }

    @Override
    public HealthCheckResponse call() {
        long joined = workers.joined();
        return HealthCheckResponse.named("enrichment-workers-joined")
                .status(workers.size() > 0 && joined == workers.size())
                .withData("workers", workers.size()).withData("joined", joined).build();
    }
}
