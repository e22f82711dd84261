package news.wire.enrich.enrichment;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A subject the provider filed the article under (code in a scheme, name, or both), passed on as ingest read it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProviderSubject(String code, String name, String scheme) {
}
