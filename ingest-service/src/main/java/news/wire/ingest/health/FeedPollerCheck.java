package news.wire.ingest.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import news.wire.ingest.feeds.FeedPoller;

/** Live only while the feed poller runs (or polling is off here): without it, registered feeds go silent. */
@Liveness
@ApplicationScoped
public class FeedPollerCheck implements HealthCheck {

    private final FeedPoller poller;

    public FeedPollerCheck(FeedPoller poller) {
        this.poller = poller;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("feed-poller").status(poller.alive()).build();
    }
}
