package news.wire.query.config;

import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** query-service settings, all under the {@code query.} prefix. */
@ConfigMapping(prefix = "query")
public interface QueryConfig {

    Indexer indexer();

    Auth auth();

    RateLimit rateLimit();

    /** Read keys (X-Api-Key) on /v1: search, entities, stories, stats and the dashboard's data. */
    interface Auth {
        /** Off only for local demos: then anyone who reaches the port may read. */
        @WithDefault("true")
        boolean enabled();

        /** The token key administration (/v1/keys) requires in X-Admin-Token; that API is closed without one. */
        Optional<String> adminToken();

        /**
         * How long a live key is remembered without asking Elasticsearch again. A key revoked through this instance
         * stops at once; through another instance, within this time.
         */
        @WithDefault("5s")
        Duration keyCache();
    }

    /**
     * How fast each API key (each client address while keys are off) may call /v1: a token bucket of {@code burst}
     * requests, refilled at {@code requests-per-second}; every request costs a token.
     */
    interface RateLimit {
        /** Requests a second each key may keep up; 0 switches the limit off. */
        @WithDefault("100")
        int requestsPerSecond();

        /** Requests a key may send at once after a quiet spell: a dashboard opening, a page of results and facets. */
        @WithDefault("500")
        int burst();
    }

    /** How enriched articles are read from Kafka and written to Elasticsearch. */
    interface Indexer {
        /** The topic read; made by the deployment from deploy/topics.properties, only checked here. */
        @WithDefault("articles.enriched")
        String topic();

        /** Consumer group prefix; the index name is appended, so a new index replays the topic from the start. */
        @WithDefault("query-indexer")
        String groupId();

        /** Most articles per bulk request (and per poll), and waiting for the watches. */
        @WithDefault("250")
        int batchSize();

        /** Most bytes of article JSON per bulk request, per fetch and waiting for the watches: long bodies weigh more. */
        @WithDefault("2M")
        MemorySize batchMaxBytes();

        /**
         * Longest an article waits for its batch to fill before the batch is written anyway: the bound this adds to
         * every article's time to searchable on a quiet topic.
         */
        @WithDefault("200ms")
        Duration batchMaxWait();

        /**
         * How long a waiting batch may see nothing new before it is written: on a quiet wire an article is then
         * written at once instead of waiting out batch-max-wait, while a busy topic still fills batches.
         */
        @WithDefault("25ms")
        Duration batchQuietWait();

        /** Longest wait between retries while Elasticsearch or Kafka is unavailable. */
        @WithDefault("30s")
        Duration maxBackoff();
    }
}
