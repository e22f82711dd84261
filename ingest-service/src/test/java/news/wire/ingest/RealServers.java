package news.wire.ingest;

import io.quarkus.test.common.QuarkusTestResource;
import news.wire.testkit.KafkaTestResource;
import news.wire.testkit.PostgresTestResource;

/**
 * The real Kafka broker and PostgreSQL every {@code @QuarkusTest} of ingest-service runs against. Declared once:
 * Quarkus starts the resources of every such annotation in the module before any test, whichever class carries it.
 */
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
final class RealServers {

    private RealServers() {
    }
}
