package news.wire.enrich.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Whatever is set under kafka.* reaches every client enrich-service builds, beside each client's own settings. */
class KafkaClientsTest {

    private final KafkaClients clients = new KafkaClients(Map.of(
            "bootstrap.servers", "broker-1:9093",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "ssl.truststore.location", "/etc/wire/kafka-truststore.p12",
            "group.id", "enrich-service"), "enrich", 10_000);

    @Test
    void sharedSettingsReachTheWorkersClientsAndTheAdminClient() {
        for (Map<String, Object> config : List.of(clients.workerConsumerConfig("enrich-host-0"),
                clients.workerProducerConfig("enrich-host-0", 1 << 20), clients.adminConfig())) {
            assertEquals("broker-1:9093", config.get("bootstrap.servers"));
            assertEquals("SASL_SSL", config.get("security.protocol"));
            assertEquals("SCRAM-SHA-512", config.get("sasl.mechanism"));
            assertEquals("/etc/wire/kafka-truststore.p12", config.get("ssl.truststore.location"));
        }
    }

    @Test
    void eachWorkerClientKeepsWhatExactlyOnceNeeds() {
        Map<String, Object> consumer = clients.workerConsumerConfig("enrich-host-0");
        assertEquals("enrich", consumer.get("group.id"), "the workers' group, not Quarkus' default");
        assertEquals("read_committed", consumer.get("isolation.level"));
        assertEquals(false, consumer.get("enable.auto.commit"));
        Map<String, Object> producer = clients.workerProducerConfig("enrich-host-0", 1 << 20);
        assertEquals("enrich-host-0", producer.get("transactional.id"));
        assertEquals("all", producer.get("acks"));
        assertEquals(null, clients.adminConfig().get("group.id"));
    }
}
