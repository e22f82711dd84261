package news.wire.enrich.kafka;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the workers found their topics; if not, the data say which and what makes them (and any shortfall). */
@Readiness
@ApplicationScoped
public class PipelineTopicsCheck implements HealthCheck {

    private final PipelineTopics topics;

    public PipelineTopicsCheck(PipelineTopics topics) {
        this.topics = topics;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kafka-topics");
        PipelineTopics.Status status = topics.status();
        response.status(status.ready()).withData("topics", String.join(", ", topics.names()));
        if (status.maxMessageBytes() > 0) {
            response.withData("max-message-bytes", status.maxMessageBytes());
        }
        if (status.warning() != null) {
            response.withData("warning", status.warning());
        }
        return status.ready() ? response.build() : response.withData("problem", status.problem()).build();
    }
}
