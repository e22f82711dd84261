package news.wire.ingest.config;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** ingest-service settings, all under the {@code ingest.} prefix. */
@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

    Topic topic();

    Outbox outbox();

    Limits limits();

    RateLimit rateLimit();

    Auth auth();

    /** Who may submit for which source. */
    interface Auth {
        /** Off only for local demos: then any client may submit for any source. */
        @WithDefault("true")
        boolean enabled();

        /** The token the key administration API requires in X-Admin-Token; that API is closed without one. */
        java.util.Optional<String> adminToken();
    }

    Feeds feeds();

    /** What a single request may carry. */
    interface Limits {
        /**
         * Largest single article (413 beyond it); also the largest line of an NDJSON batch, and the most text (headline,
         * body and byline, in UTF-8) a feed entry may carry.
         */
        @WithDefault("2M")
        MemorySize maxArticleSize();

        /**
         * Most articles (non-blank lines) read from one NDJSON batch. The answer keeps a result per line until it is
         * written, so without a bound a batch of tiny lines within the transport limit could exhaust the heap.
         */
        @WithDefault("10000")
        int maxBatchLines();
    }

    /**
     * How fast each API key (each client address while keys are off) may send copy: a token bucket of {@code burst}
     * articles, refilled at {@code articles-per-second}. Every article costs a token, in a batch each line. The
     * defaults sit above what one instance takes on two cores (about 2,700 articles/s in the Reuters import), so
     * only a deployment that sets its own limits meets them.
     */
    interface RateLimit {
        /** Articles a second each key may keep up; 0 switches the limit off. */
        @WithDefault("5000")
        int articlesPerSecond();

        /** Articles a key may send at once after a quiet spell: two full batches by default. */
        @WithDefault("20000")
        int burst();
    }

    /** The Kafka topic raw articles are published to; its shape is declared in deploy/topics.properties. */
    interface Topic {
        @WithDefault("articles.raw")
        String name();

        /**
         * Largest message the relay may publish: the producer's max.request.size, and the least max.message.bytes the
         * topic must take (readiness is down while it takes less). At most what deploy/topics.properties declares;
         * Kafka's 1 MB default is smaller than an article intake accepts. Startup fails unless every article within
         * ingest.limits.max-article-size fits.
         */
        @WithDefault("16M")
        MemorySize maxMessageSize();
    }

    /** How the relay drains the outbox. */
    interface Outbox {
        /** Most messages sent per relay pass. */
        @WithDefault("500")
        int batchSize();

        /** How often the relay looks for unsent messages when nothing wakes it. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Longest wait after a failed pass (Kafka down): back-off doubles up to this. */
        @WithDefault("30s")
        Duration maxBackoff();
    }

    /** How registered feeds are polled. */
    interface Feeds {
        /** Whether this instance polls feeds at all (registrations are accepted either way). */
        @WithDefault("true")
        boolean enabled();

        /** How often the poller looks for feeds whose next poll is due. */
        @WithDefault("1s")
        Duration tick();

        /** Shortest poll interval a registration may ask for: polling faster is rude to the publisher. */
        @WithDefault("5s")
        Duration minInterval();

        /** Poll interval of a registration that names none. */
        @WithDefault("60s")
        Duration defaultInterval();

        /** Longest wait after failed polls: the back-off doubles the interval up to this. */
        @WithDefault("1h")
        Duration maxBackoff();

        @WithDefault("5s")
        Duration connectTimeout();

        /** Longest a whole fetch may take, headers and body. */
        @WithDefault("15s")
        Duration requestTimeout();

        /** Largest feed document read; a bigger one fails the poll rather than the service's memory. */
        @WithDefault("10M")
        MemorySize maxFeedSize();

        /** Feeds polled at the same time by this instance. */
        @WithDefault("4")
        int concurrency();

        /**
         * How long a claimed poll keeps its feed from other pollers (other instances included); after a crash
         * mid-poll the feed is polled again once this has passed.
         */
        @WithDefault("5m")
        Duration lease();

        @WithDefault("wire-pipeline-ingest/0.1 (feed poller)")
        String userAgent();

        /**
         * Internal hosts that may be polled on purpose: host names (exactly as in the feed URL), IP addresses or CIDR
         * ranges. Any other host must resolve only to public addresses, at registration, at every poll and at every
         * redirect, so a registration cannot make the poller read loopback, private or cloud-metadata addresses.
         */
        java.util.Optional<java.util.List<String>> allowedInternalHosts();
    }
}
