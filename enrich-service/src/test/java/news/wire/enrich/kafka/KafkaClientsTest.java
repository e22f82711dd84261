package news.wire.enrich.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Whatever is set under kafka.* reaches every client enrich-service builds; what exactly-once needs stays. */
class KafkaClientsTest {

    /** Mutual TLS: the service proves itself with a key store, and trusts the brokers' CA. */
    private static final Map<String, Object> MUTUAL_TLS = Map.of("bootstrap.servers", "broker-1:9094",
            "security.protocol", "SSL", "ssl.keystore.location", "/etc/wire/enrich-keystore.p12",
            "ssl.keystore.password", "changeit", "ssl.truststore.location", "/etc/wire/kafka-truststore.p12");

    private final KafkaClients clients = new KafkaClients(MUTUAL_TLS, "enrich", 10_000);

    @Test
    void sharedSettingsReachTheWorkersClientsAndTheAdminClient() {
        for (Map<String, Object> config : List.of(clients.workerConsumerConfig("enrich-host-0"),
                clients.workerProducerConfig("enrich-host-0", 1 << 20), clients.adminConfig())) {
            assertTrue(config.entrySet().containsAll(MUTUAL_TLS.entrySet()), config.toString());
        }
    }

    @Test
    void noSharedSettingUndoesWhatExactlyOnceNeeds() {
        KafkaClients loose = new KafkaClients(Map.of("group.id", "enrich-service", "isolation.level",
                "read_uncommitted", "enable.auto.commit", true, "transactional.id", "shared"), "enrich", 10_000);
        Map<String, Object> consumer = loose.workerConsumerConfig("enrich-host-0");
        assertEquals("enrich", consumer.get("group.id"));
        assertEquals("read_committed", consumer.get("isolation.level"));
        assertEquals(false, consumer.get("enable.auto.commit"));
        assertEquals("enrich-host-0", loose.workerProducerConfig("enrich-host-0", 1 << 20).get("transactional.id"));
    }
}
