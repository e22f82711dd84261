package news.wire.enrich.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** enrich-service settings, all under the {@code enrich.} prefix. */
@ConfigMapping(prefix = "enrich")
public interface EnrichConfig {

    Topics topics();

    /** Consumer group shared by all enrich-service instances. */
    @WithDefault("enrich-service")
    String groupId();

    /** Longest wait between attempts while Kafka is unreachable. */
    @WithDefault("10s")
    Duration maxBackoff();

    /** Topic names and the shape of the topics this service creates. */
    interface Topics {
        @WithDefault("articles.raw")
        String raw();

        @WithDefault("articles.enriched")
        String enriched();

        @WithDefault("articles.dlq")
        String deadLetter();

        @WithDefault("3")
        int partitions();

        @WithDefault("1")
        short replicationFactor();
    }
}
