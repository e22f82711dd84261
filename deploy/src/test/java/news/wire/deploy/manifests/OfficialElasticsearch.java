package news.wire.deploy.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What the official Elasticsearch image offers query-service's index template without our analysis plugin. */
final class OfficialElasticsearch {

    /**
     * Token filter names a full 9.x distribution registers (the server's own and its analysis-common module's, as
     * their sources list them), limited to the common ones: a template naming another filter needs checking by hand.
     */
    static final Set<String> TOKEN_FILTERS = Set.of(
            "apostrophe", "asciifolding", "cjk_bigram", "cjk_width", "classic", "common_grams", "condition",
            "decimal_digit", "delimited_payload", "edge_ngram", "elision", "fingerprint", "flatten_graph", "hunspell",
            "keep", "keep_types", "keyword_marker", "keyword_repeat", "kstem", "length", "limit", "lowercase",
            "min_hash", "multiplexer", "ngram", "pattern_capture", "pattern_replace", "porter_stem",
            "predicate_token_filter", "remove_duplicates", "reverse", "shingle", "snowball", "stemmer",
            "stemmer_override", "stop", "synonym", "synonym_graph", "trim", "truncate", "unique", "uppercase",
            "word_delimiter", "word_delimiter_graph");

    /** Analyzer names of the full distribution, likewise limited to the common ones and the English family. */
    static final Set<String> ANALYZERS = Set.of(
            "default", "standard", "simple", "stop", "whitespace", "keyword", "pattern", "fingerprint", "snowball",
            "english", "french", "german", "spanish", "italian", "dutch", "portuguese");

    private OfficialElasticsearch() {
    }

    /** Filters the index template's analyzers use that neither the template defines nor the official image has. */
    static Set<String> templateFiltersMissing(Checkout checkout) {
        JsonNode analysis;
        try {
            analysis = new ObjectMapper().readTree(checkout.text(
                    "query-service/src/main/resources/elasticsearch/articles-template.json"))
                    .path("template").path("settings").path("analysis");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> missing = new TreeSet<>();
        analysis.path("analyzer").forEach(analyzer -> analyzer.path("filter").forEach(filter -> {
            String name = filter.asText();
            if (!TOKEN_FILTERS.contains(name) && !analysis.path("filter").has(name)) {
                missing.add(name);
            }
        }));
        return missing;
    }

    /**
     * The names our plugin registers that the full distribution registers too. Elasticsearch refuses to start a node
     * on which two plugins register one name, so while this is not empty the plugin must stay off official images.
     */
    static Set<String> pluginClashes(Checkout checkout) {
        Set<String> clashes = new TreeSet<>(pluginNames(checkout));
        clashes.removeIf(name -> !TOKEN_FILTERS.contains(name) && !ANALYZERS.contains(name));
        return clashes;
    }

    /** The names WireAnalysisPlugin registers, read from its source. */
    static Set<String> pluginNames(Checkout checkout) {
        String source = checkout.text(
                "deploy/elasticsearch-analysis/src/main/java/news/wire/elasticsearch/analysis/WireAnalysisPlugin.java");
        Set<String> names = new TreeSet<>();
        var m = java.util.regex.Pattern.compile("\"([a-z_]+)\",\\s*(?:filter\\(|\\()").matcher(source);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
