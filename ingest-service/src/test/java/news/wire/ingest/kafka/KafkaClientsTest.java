package news.wire.ingest.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Whatever is set under kafka.* reaches every client ingest-service builds, beside each client's own settings. */
class KafkaClientsTest {

    private final KafkaClients clients = new KafkaClients(Map.of(
            "bootstrap.servers", "broker-1:9093",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "ssl.truststore.location", "/etc/wire/kafka-truststore.p12",
            "group.id", "ingest-service"), 16 << 20);

    @Test
    void sharedSettingsReachTheRelayProducerAndTheAdminClient() {
        for (Map<String, Object> config : List.of(clients.relayProducerConfig(), clients.adminConfig())) {
            assertEquals("broker-1:9093", config.get("bootstrap.servers"));
            assertEquals("SASL_SSL", config.get("security.protocol"));
            assertEquals("SCRAM-SHA-512", config.get("sasl.mechanism"));
            assertEquals("/etc/wire/kafka-truststore.p12", config.get("ssl.truststore.location"));
            assertFalse(config.containsKey("group.id"), "Quarkus' default group id is no client's here");
        }
        assertEquals("all", clients.relayProducerConfig().get("acks"));
        assertEquals(true, clients.relayProducerConfig().get("enable.idempotence"));
    }

    @Test
    void aTimeoutSetForAllClientsWinsOverTheRelaysDefault() {
        KafkaClients patient = new KafkaClients(Map.of("bootstrap.servers", "b:9092", "max.block.ms", 60_000), 1 << 20);
        assertEquals(60_000, patient.relayProducerConfig().get("max.block.ms"));
        assertEquals(5_000, clients.relayProducerConfig().get("max.block.ms"));
    }
}
