package news.wire.query.kafka;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the indexer found articles.enriched; until then the data name the topic and what makes it. */
@Readiness
@ApplicationScoped
public class EnrichedTopicCheck implements HealthCheck {

    private final EnrichedTopic topic;

    public EnrichedTopicCheck(EnrichedTopic topic) {
        this.topic = topic;
    }

    @Override
    public HealthCheckResponse call() {
        EnrichedTopic.Status status = topic.status();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kafka-topics").status(status.ready())
                .withData("topics", status.topic());
        return status.ready() ? response.build() : response.withData("problem", status.problem()).build();
    }
}
