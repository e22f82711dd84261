package news.wire.query;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import news.wire.testkit.ElasticsearchTestResource;
import news.wire.testkit.KafkaTestResource;

/**
 * The real Kafka broker and Elasticsearch node every {@code @QuarkusTest} of query-service runs against. Declared
 * once: Quarkus starts the resources of every such annotation in the module before any test, whichever class carries it.
 */
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "topics", value = "articles.enriched"))
@QuarkusTestResource(value = ElasticsearchTestResource.class, restrictToAnnotatedClass = false)
final class RealServers {

    private RealServers() {
    }
}
