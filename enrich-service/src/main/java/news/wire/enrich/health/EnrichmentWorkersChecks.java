package news.wire.enrich.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

import news.wire.enrich.messaging.EnrichmentWorkers;

/** The health of the enrichment workers, as a liveness check and a readiness check. */
@ApplicationScoped
public class EnrichmentWorkersChecks {

    /** Live only while every enrichment worker runs: a dead one strands its partitions, so restart the service. */
    @Produces
    @Liveness
    HealthCheck running(EnrichmentWorkers workers) {
        return () -> HealthCheckResponse.named("enrichment-workers").status(workers.allAlive())
                .withData("workers", workers.size()).build();
    }

    /** Ready once every worker has joined the consumer group: until then some partitions wait for a rebalance. */
    @Produces
    @Readiness
    HealthCheck joined(EnrichmentWorkers workers) {
        return () -> {
            long joined = workers.joined();
            return HealthCheckResponse.named("enrichment-workers-joined")
                    .status(workers.size() > 0 && joined == workers.size())
                    .withData("workers", workers.size()).withData("joined", joined).build();
        };
    }
}
