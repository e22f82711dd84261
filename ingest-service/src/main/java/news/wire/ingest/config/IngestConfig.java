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

    Auth auth();

    /** Who may submit for which source. */
    interface Auth {
        /** Off only for local demos: then any client may submit for any source. */
        @WithDefault("true")
        boolean enabled();

        /** The token the key administration API requires in X-Admin-Token; that API is closed without one. */
        java.util.Optional<String> adminToken();
    }

    /** What a single request may carry. */
    interface Limits {
        /** Largest single article (413 beyond it); also the largest line of an NDJSON batch. */
        @WithDefault("2M")
        MemorySize maxArticleSize();
    }

    /** The Kafka topic raw articles are published to. */
    interface Topic {
        @WithDefault("articles.raw")
        String name();

        @WithDefault("3")
        int partitions();

        @WithDefault("1")
        short replicationFactor();
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
}
