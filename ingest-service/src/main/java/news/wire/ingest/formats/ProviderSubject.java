package news.wire.ingest.formats;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A subject the provider filed the item under: a code in a scheme (scheme {@code medtop}, code {@code 20000256}),
 * a name, or both; never neither.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProviderSubject(String code, String name, String scheme) {
}
