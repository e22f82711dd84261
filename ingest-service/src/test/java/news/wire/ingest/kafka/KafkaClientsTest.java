package news.wire.ingest.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Whatever is set under kafka.* reaches every client ingest-service builds, beside each client's own settings. */
class KafkaClientsTest {

    /** SASL over TLS with SCRAM, as a managed cluster would ask for it. */
    private static final Map<String, Object> SCRAM_OVER_TLS = Map.of("bootstrap.servers", "broker-1:9093",
            "security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"ingest\";",
            "ssl.truststore.location", "/etc/wire/kafka-truststore.p12");

    @Test
    void sharedSettingsReachTheRelayProducerAndTheAdminClient() {
        KafkaClients clients = new KafkaClients(SCRAM_OVER_TLS, 16 << 20);
        for (Map<String, Object> config : List.of(clients.relayProducerConfig(), clients.adminConfig())) {
            assertTrue(config.entrySet().containsAll(SCRAM_OVER_TLS.entrySet()), config.toString());
        }
    }

    @Test
    void theRelaysGuaranteesStandAndItsTimeoutsMayBeLengthened() {
        KafkaClients clients = new KafkaClients(Map.of("group.id", "ingest-service", "acks", "1", "max.block.ms",
                60_000), 1 << 20);
        Map<String, Object> producer = clients.relayProducerConfig();
        assertFalse(producer.containsKey("group.id"), "Quarkus' default group id is no client's here");
        assertEquals("all", producer.get("acks"));
        assertEquals(true, producer.get("enable.idempotence"));
        assertEquals(60_000, producer.get("max.block.ms"));
        assertEquals(5_000, new KafkaClients(Map.of(), 1 << 20).relayProducerConfig().get("max.block.ms"));
    }
}
