package news.wire.enrich.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * Refuses a request that announces a body over the preview limit before any of it is read, with the same problem
 * document as one found too large while reading; without this, a body over the HTTP layer's own limit got a bare 413.
 */
@ApplicationScoped
public class BodyLimitRoute {

    private final String tooLarge;

    public BodyLimitRoute(ObjectMapper json) throws JsonProcessingException {
        this.tooLarge = json.writeValueAsString(ProblemMappings.tooLarge());
    }

    void register(@Observes Router router) {
        router.route("/v1/*").order(-100).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && length.length() < 19 && length.chars().allMatch(Character::isDigit)
                    && Long.parseLong(length) > EnrichRequestReader.MAX_BYTES) {
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(tooLarge);
                return;
            }
            context.next();
        });
    }
}
