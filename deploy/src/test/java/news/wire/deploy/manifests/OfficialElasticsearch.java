package news.wire.deploy.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The analysis query-service's index template asks of Elasticsearch, and the two kinds of node that must provide it:
 * the official image (the server and its analysis-common module), as compose and ECK run it, and our local node (the
 * Maven integ-test zip: the server alone, plus our plugin standing in for analysis-common).
 */
final class OfficialElasticsearch {

    static final String TEMPLATE = "query-service/src/main/resources/elasticsearch/articles-template.json";
    static final String PLUGIN =
            "deploy/elasticsearch-analysis/src/main/java/news/wire/elasticsearch/analysis/WireAnalysisPlugin.java";

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

    /** Tokenizer names of the full distribution, the common ones. */
    static final Set<String> TOKENIZERS = Set.of(
            "standard", "classic", "whitespace", "keyword", "letter", "lowercase", "pattern", "ngram", "edge_ngram",
            "uax_url_email", "path_hierarchy", "char_group", "simple_pattern", "simple_pattern_split", "thai");

    /** Normalizer names of the full distribution. */
    static final Set<String> NORMALIZERS = Set.of("lowercase");

    /**
     * Token filter types the server registers itself (AnalysisModule.setupTokenFilters in 9.5.3), so every node has
     * them, the integ-test zip included. A plugin registering one of these names stops the node from starting.
     */
    static final Set<String> SERVER_TOKEN_FILTERS = Set.of("stop", "standard", "shingle", "hunspell");
    /** The server's pre-configured (settings-free) filters, a registry of their own that plugins may shadow. */
    static final Set<String> SERVER_PRECONFIGURED_TOKEN_FILTERS = Set.of("lowercase");
    /** The server's own analyzers (AnalysisModule and PreBuiltAnalyzers), tokenizers and normalizers. */
    static final Set<String> SERVER_ANALYZERS =
            Set.of("default", "standard", "keyword", "stop", "whitespace", "simple", "classic");
    static final Set<String> SERVER_TOKENIZERS = Set.of("standard");
    static final Set<String> SERVER_NORMALIZERS = Set.of("lowercase");

    private static final Pattern REGISTERED = Pattern.compile("\"([a-z_]+)\",\\s*(?:filter\\(|\\()");
    private static final Pattern QUOTED = Pattern.compile("`([a-z_]+)`");

    /** Analysis names, by kind, that a template needs or a node provides. */
    record Analysis(Set<String> tokenFilters, Set<String> analyzers, Set<String> tokenizers, Set<String> normalizers) {

        /** What this needs that {@code provider} lacks, each name prefixed with its kind. */
        Set<String> missingFrom(Analysis provider) {
            Set<String> missing = new TreeSet<>();
            tokenFilters.stream().filter(n -> !provider.tokenFilters.contains(n)).forEach(n -> missing.add("filter " + n));
            analyzers.stream().filter(n -> !provider.analyzers.contains(n)).forEach(n -> missing.add("analyzer " + n));
            tokenizers.stream().filter(n -> !provider.tokenizers.contains(n)).forEach(n -> missing.add("tokenizer " + n));
            normalizers.stream().filter(n -> !provider.normalizers.contains(n))
                    .forEach(n -> missing.add("normalizer " + n));
            return missing;
        }
    }

    private OfficialElasticsearch() {
    }

    /** The official image: the server and analysis-common, without our plugin. */
    static Analysis officialImage() {
        return new Analysis(TOKEN_FILTERS, ANALYZERS, TOKENIZERS, NORMALIZERS);
    }

    /** Our local node: the server's own names and the names WireAnalysisPlugin registers, read from its source. */
    static Analysis localNode(Checkout checkout) {
        Set<String> filters = new TreeSet<>(SERVER_TOKEN_FILTERS);
        filters.addAll(SERVER_PRECONFIGURED_TOKEN_FILTERS);
        filters.addAll(pluginTokenFilters(checkout));
        Set<String> analyzers = new TreeSet<>(SERVER_ANALYZERS);
        analyzers.addAll(pluginAnalyzers(checkout));
        return new Analysis(filters, analyzers, SERVER_TOKENIZERS, SERVER_NORMALIZERS);
    }

    /**
     * The built-in analysis types the index template uses: names its analyzers and normalizers list directly, the
     * {@code type} of each filter or tokenizer the template defines itself, and analyzers or normalizers its mapping
     * names without defining them.
     */
    static Analysis templateNeeds(Checkout checkout) {
        JsonNode template;
        try {
            template = new ObjectMapper().readTree(checkout.text(TEMPLATE)).path("template");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode analysis = template.path("settings").path("analysis");
        Analysis needs = new Analysis(new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
        analysis.path("analyzer").forEach(analyzer -> {
            String type = analyzer.path("type").asText("custom");
            if (!type.equals("custom")) {
                needs.analyzers().add(type);
                return;
            }
            String tokenizer = analyzer.path("tokenizer").asText();
            needs.tokenizers().add(analysis.path("tokenizer").has(tokenizer)
                    ? analysis.path("tokenizer").path(tokenizer).path("type").asText() : tokenizer);
            analyzer.path("filter").forEach(filter -> needs.tokenFilters().add(filterType(analysis, filter.asText())));
        });
        analysis.path("normalizer").forEach(normalizer ->
                normalizer.path("filter").forEach(filter -> needs.tokenFilters().add(filterType(analysis, filter.asText()))));
        template.path("mappings").findValues("analyzer").forEach(name -> {
            if (!analysis.path("analyzer").has(name.asText())) {
                needs.analyzers().add(name.asText());
            }
        });
        template.path("mappings").findValues("normalizer").forEach(name -> {
            if (!analysis.path("normalizer").has(name.asText())) {
                needs.normalizers().add(name.asText());
            }
        });
        return needs;
    }

    private static String filterType(JsonNode analysis, String name) {
        JsonNode defined = analysis.path("filter").path(name);
        return defined.isObject() ? defined.path("type").asText() : name;
    }

    /**
     * The names our plugin registers that the full distribution registers too. Elasticsearch refuses to start a node
     * on which two plugins register one name, so while this is not empty the plugin must stay off official images.
     */
    static Set<String> pluginClashes(Checkout checkout) {
        Set<String> clashes = new TreeSet<>(pluginTokenFilters(checkout));
        clashes.retainAll(TOKEN_FILTERS);
        Set<String> analyzers = new TreeSet<>(pluginAnalyzers(checkout));
        analyzers.retainAll(ANALYZERS);
        clashes.addAll(analyzers);
        return clashes;
    }

    /** The lower-case names a comment quotes in backticks (`english`), where analysis names are quoted. */
    static Set<String> quotedNames(String comment) {
        Set<String> names = new TreeSet<>();
        Matcher m = QUOTED.matcher(comment);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Those of {@code names} that the official image registers neither as a token filter nor as an analyzer. */
    static Set<String> notOnTheOfficialImage(Set<String> names) {
        Set<String> missing = new TreeSet<>(names);
        missing.removeIf(name -> TOKEN_FILTERS.contains(name) || ANALYZERS.contains(name));
        return missing;
    }

    /** The token filter names WireAnalysisPlugin registers, read from its getTokenFilters() source. */
    static Set<String> pluginTokenFilters(Checkout checkout) {
        return registeredIn(checkout, "getTokenFilters()");
    }

    /** The analyzer names WireAnalysisPlugin registers, read from its getAnalyzers() source. */
    static Set<String> pluginAnalyzers(Checkout checkout) {
        return registeredIn(checkout, "getAnalyzers()");
    }

    private static Set<String> registeredIn(Checkout checkout, String method) {
        String source = checkout.text(PLUGIN);
        int start = source.indexOf(method);
        if (start < 0) {
            return Set.of();
        }
        int end = source.indexOf("\n    }", start);
        Set<String> names = new TreeSet<>();
        Matcher m = REGISTERED.matcher(source.substring(start, end < 0 ? source.length() : end));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
