package news.wire.query.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/** A subject the provider filed the article under: a code in a scheme ({@code medtop:20000256}), a name, or both. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProviderSubject(String code, String name, String scheme) {

    /** The subject of an indexed record's {@code subjects[]} entry. */
    static ProviderSubject of(JsonNode subject) {
        return new ProviderSubject(subject.path("code").asText(null), subject.path("name").asText(null),
                subject.path("scheme").asText(null));
    }
}
