package news.wire.enrich.config;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** enrich-service settings, all under the {@code enrich.} prefix. */
@ConfigMapping(prefix = "enrich")
public interface EnrichConfig {

    Topics topics();

    Stream stream();

    Entities entities();

    /** Consumer group shared by all enrich-service instances. */
    @WithDefault("enrich-service")
    String groupId();

    /** Longest wait between attempts while Kafka is unreachable. */
    @WithDefault("10s")
    Duration maxBackoff();

    /** How the Kafka read-process-write workers run inside one instance. */
    interface Stream {
        /** Workers, each with its own consumer and transactional producer; one per processor when unset. */
        OptionalInt workers();

        /** How many workers this instance runs: {@link #workers()}, or one per processor. */
        default int workerCount() {
            return Math.max(1, workers().orElse(Runtime.getRuntime().availableProcessors()));
        }

        /**
         * This instance's name among all instances on the same broker; part of each worker's transactional id.
         * Defaults to host name and HTTP port: unique on a host, and the same after a restart on that host.
         */
        Optional<String> instanceId();

        /** How long shutdown may take to finish the batches in hand and leave the group. */
        @WithDefault("10s")
        Duration shutdownTimeout();

        /** How soon the group gives a crashed worker's partitions to the others (or to its restarted self). */
        @WithDefault("10s")
        Duration sessionTimeout();

        /**
         * Once a batch has taken this long, the rest of it is left for the next transaction. A polled batch can hold
         * several long articles (tens of seconds each on one core), and a transaction open longer than the producer's
         * transaction.timeout.ms (60 s) is aborted by the broker, so the batch would be redone, and time out, for ever.
         */
        @WithDefault("10s")
        Duration maxBatchTime();

        /** How often the size of articles.dlq is read for its gauge. */
        @WithDefault("15s")
        Duration deadLetterCheckInterval();
    }

    /**
     * Names of the topics this service reads and writes. Their shape, the largest message included, is declared in
     * deploy/topics.properties and made by the deployment; the service only checks them (PipelineTopics).
     */
    interface Topics {
        @WithDefault("articles.raw")
        String raw();

        @WithDefault("articles.enriched")
        String enriched();

        @WithDefault("articles.dlq")
        String deadLetter();

        /** The compacted topic that holds the read keys of POST /v1/enrich (hashed), one record per key. */
        @WithDefault("enrich.api-keys")
        String apiKeys();
    }

    Auth auth();

    /** Read keys (X-Api-Key) on POST /v1/enrich. */
    interface Auth {
        /** Off only for local demos: then anyone who reaches the port may run the preview. */
        @WithDefault("true")
        boolean enabled();

        /** The token key administration (/v1/keys) requires in X-Admin-Token; that API is closed without one. */
        Optional<String> adminToken();
    }

    /** Which entity engine tags articles. */
    interface Entities {
        /** {@code corenlp-crf} (the CoNLL 4-class CRF) or {@code capitalised-names} (rules only, no model). */
        @WithDefault("corenlp-crf")
        String engine();
    }
}
