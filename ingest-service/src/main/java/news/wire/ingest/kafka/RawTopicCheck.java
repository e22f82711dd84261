package news.wire.ingest.kafka;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;


/** Ready once articles.raw is there and takes the largest message the relay sends; if not, the data say why. */
@Readiness
@ApplicationScoped
public class RawTopicCheck implements HealthCheck {

    private final RawTopic topic;

    public RawTopicCheck(RawTopic topic) {
        this.topic = topic;
    }

    @Override
    public HealthCheckResponse call() {
        RawTopic.TopicStatus status = topic.status();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kafka-topics").status(status.ready())
                .withData("topics", status.topic());
        return status.ready() ? response.build() : response.withData("problem", status.problem()).build();
    }
}
