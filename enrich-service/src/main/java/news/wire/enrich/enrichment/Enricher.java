package news.wire.enrich.enrichment;

import java.util.Map;

/** Which enrichment and which engine versions produced the tags, so old records can be found and re-enriched. */
public record Enricher(String version, Map<String, String> engines) {
}
