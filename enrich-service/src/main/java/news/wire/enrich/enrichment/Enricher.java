package news.wire.enrich.enrichment;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Which enrichment and which engine versions produced the tags, so old records can be found and re-enriched;
 * {@code untagged} says why the tag lists are empty when the engines were not run (an article not in English).
 */
public record Enricher(String version, Map<String, String> engines,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String untagged) {
}
