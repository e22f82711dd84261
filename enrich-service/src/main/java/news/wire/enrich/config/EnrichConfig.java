package news.wire.enrich.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** enrich-service settings, all under the {@code enrich.} prefix. */
@ConfigMapping(prefix = "enrich")
public interface EnrichConfig {

    Topics topics();

    Entities entities();

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

    /** Which entity engine tags articles. */
    interface Entities {
        /** {@code corenlp-crf} (the CoNLL 4-class CRF) or {@code capitalised-names} (rules only, no model). */
        @WithDefault("corenlp-crf")
        String engine();
    }
}
