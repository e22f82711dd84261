package news.wire.query.watches;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How watches' webhooks are called, under the {@code query.watches.webhooks.} prefix. */
@ConfigMapping(prefix = "query.watches.webhooks")
public interface WebhookConfig {

    /**
     * Hosts (names or literal addresses) a webhook may reach although they resolve to an internal address
     * (loopback, private, link-local, …): a newsroom's own receiver. Every other webhook must resolve to public
     * addresses only, so a watch cannot make query-service call into the network it runs in.
     */
    Optional<List<String>> allowedInternalHosts();

    /** How often the deliverer looks for matches to send. */
    @WithDefault("1s")
    Duration poll();

    /** The wait after a first failure; it doubles with each failure in a row, up to {@link #longestRetry()}. */
    @WithDefault("1s")
    Duration firstRetry();

    @WithDefault("10m")
    Duration longestRetry();

    /** Failures in a row after which a webhook is paused until its watch is saved again. */
    @WithDefault("10")
    int pauseAfter();

    /**
     * How many webhooks are called at once. One watch's matches still go one at a time, in order; a slow receiver
     * then holds up only its own watch's deliveries, not every other watch's in the round.
     */
    @WithDefault("8")
    int concurrency();

    /** Longest wait for a receiver's answer (connecting included). */
    @WithDefault("10s")
    Duration timeout();
}
