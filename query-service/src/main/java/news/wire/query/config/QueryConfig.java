package news.wire.query.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** query-service settings, all under the {@code query.} prefix. */
@ConfigMapping(prefix = "query")
public interface QueryConfig {

    Indexer indexer();

    /** How enriched articles are read from Kafka and written to Elasticsearch. */
    interface Indexer {
        @WithDefault("articles.enriched")
        String topic();

        @WithDefault("query-indexer")
        String groupId();

        /** Partitions of the topic if the indexer has to create it (enrich-service normally does). */
        @WithDefault("3")
        int partitions();

        @WithDefault("1")
        short replicationFactor();

        /** Most articles per bulk request. */
        @WithDefault("500")
        int batchSize();

        /** Longest wait between retries while Elasticsearch or Kafka is unavailable. */
        @WithDefault("30s")
        Duration maxBackoff();
    }
}
