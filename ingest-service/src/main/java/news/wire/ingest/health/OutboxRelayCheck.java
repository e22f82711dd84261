package news.wire.ingest.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import news.wire.ingest.outbox.OutboxRelay;

/** Live only while the outbox relay runs: without it, accepted articles would never reach Kafka. */
@Liveness
@ApplicationScoped
public class OutboxRelayCheck implements HealthCheck {

    private final OutboxRelay relay;

    public OutboxRelayCheck(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("outbox-relay").status(relay.alive()).build();
    }
}
