package news.wire.query.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Whatever is set under kafka.* reaches every client query-service builds; the indexer's own settings stay. */
class KafkaClientsTest {

    /** SASL/PLAIN over TLS whose CA comes as a PEM file. */
    private static final Map<String, Object> PLAIN_OVER_TLS = Map.of("bootstrap.servers", "broker-1:9093",
            "security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN", "ssl.truststore.type", "PEM",
            "ssl.truststore.location", "/etc/wire/kafka-ca.pem");

    @Test
    void sharedSettingsReachTheIndexerAndTheAdminClient() {
        KafkaClients clients = new KafkaClients(PLAIN_OVER_TLS);
        assertTrue(clients.indexerConsumerConfig("query-indexer-articles-v4", 500, 2_000_000).entrySet()
                .containsAll(PLAIN_OVER_TLS.entrySet()));
        assertTrue(clients.adminConfig().entrySet().containsAll(PLAIN_OVER_TLS.entrySet()));
    }

    @Test
    void theIndexerKeepsItsGroupAndReadsCommittedOnly() {
        KafkaClients clients = new KafkaClients(Map.of("group.id", "query-service", "isolation.level",
                "read_uncommitted"));
        Map<String, Object> consumer = clients.indexerConsumerConfig("query-indexer-articles-v4", 500, 2_000_000);
        assertEquals("query-indexer-articles-v4", consumer.get("group.id"), "one group per index version");
        assertEquals("read_committed", consumer.get("isolation.level"));
        assertEquals(false, consumer.get("enable.auto.commit"));
        assertEquals(2_000_000, consumer.get("fetch.max.bytes"), "a fetch buffers about one batch, not 50 MB");
        assertEquals(null, clients.adminConfig().get("group.id"));
    }
}
