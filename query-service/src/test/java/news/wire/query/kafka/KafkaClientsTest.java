package news.wire.query.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Whatever is set under kafka.* reaches every client query-service builds, beside each client's own settings. */
class KafkaClientsTest {

    private final KafkaClients clients = new KafkaClients(Map.of(
            "bootstrap.servers", "broker-1:9093",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "ssl.truststore.location", "/etc/wire/kafka-truststore.p12",
            "group.id", "query-service"));

    @Test
    void sharedSettingsReachTheIndexerAndTheAdminClient() {
        for (Map<String, Object> config : List.of(clients.indexerConsumerConfig("indexer-articles-v1", 500),
                clients.adminConfig())) {
            assertEquals("broker-1:9093", config.get("bootstrap.servers"));
            assertEquals("SASL_SSL", config.get("security.protocol"));
            assertEquals("SCRAM-SHA-512", config.get("sasl.mechanism"));
            assertEquals("/etc/wire/kafka-truststore.p12", config.get("ssl.truststore.location"));
        }
    }

    @Test
    void theIndexerKeepsItsOwnGroupAndReadsCommittedOnly() {
        Map<String, Object> consumer = clients.indexerConsumerConfig("indexer-articles-v1", 500);
        assertEquals("indexer-articles-v1", consumer.get("group.id"), "the index version's group, not Quarkus' default");
        assertEquals("read_committed", consumer.get("isolation.level"));
        assertEquals(false, consumer.get("enable.auto.commit"));
        assertEquals(null, clients.adminConfig().get("group.id"));
    }
}
