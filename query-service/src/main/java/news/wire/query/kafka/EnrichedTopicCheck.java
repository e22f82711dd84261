package news.wire.query.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import news.wire.query.indexing.ArticleIndexer;
import news.wire.query.indexing.EnrichedTopic;

/** Ready once the indexer found articles.enriched; until then the data name the topic and what makes it. */
@Readiness
@ApplicationScoped
public class EnrichedTopicCheck implements HealthCheck {

    private final ArticleIndexer indexer;

    public EnrichedTopicCheck(ArticleIndexer indexer) {
        this.indexer = indexer;
    }

    @Override
    public HealthCheckResponse call() {
        EnrichedTopic.Status status = indexer.topicStatus();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kafka-topics").status(status.ready())
                .withData("topics", status.topic());
        return status.ready() ? response.build() : response.withData("problem", status.problem()).build();
    }
}
