package news.wire.query.watches;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The terms an article's text fields give in the article index, made in this process with Lucene (the library
 * Elasticsearch analyses with) from the analyzers the index template names: asking Elasticsearch for them (term vectors
 * of each article of every batch) cost it about as much CPU as indexing the text again. Only analyzers built of the
 * template's parts this class knows are read; a field with another analyzer is left to Elasticsearch, and so is a text
 * holding a character outside the scripts whose tokenization has not changed between Lucene versions
 * ({@link #readsAlike}).
 */
final class ArticleTerms {

    private final Map<String, Analyzer> byField;

    private ArticleTerms(Map<String, Analyzer> byField) {
        this.byField = byField;
    }

    /** The analyzers of the template's text fields that this class can make. */
    static ArticleTerms of(JsonNode template) {
        JsonNode analysis = template.path("template").path("settings").path("analysis");
        Map<String, Analyzer> byField = new HashMap<>();
        template.path("template").path("mappings").path("properties").fields().forEachRemaining(field -> {
            JsonNode mapping = field.getValue();
            if ("text".equals(mapping.path("type").asText()) && !mapping.has("search_analyzer")) {
                analyzer(analysis, mapping.path("analyzer").asText("standard"))
                        .ifPresent(a -> byField.put(field.getKey(), a));
            }
        });
        return new ArticleTerms(Map.copyOf(byField));
    }

    /** Whether this field's terms are made here. */
    boolean reads(String field) {
        return byField.containsKey(field);
    }

    /**
     * Whether the text holds only characters of Latin script, general punctuation and currency signs, whose
     * tokenization is the same in every Lucene version Elasticsearch 8 and 9 ship; other scripts (and emoji) are left
     * to Elasticsearch, so an older Lucene here never splits a word differently from the index.
     */
    static boolean readsAlike(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x0250 && !(c >= 0x2000 && c <= 0x206F) && !(c >= 0x20A0 && c <= 0x20BF)) {
                return false;
            }
        }
        return true;
    }

    /** The distinct terms the field's analyzer makes of the text. */
    Set<String> termsOf(String field, String text) {
        return new HashSet<>(tokensOf(field, text));
    }

    /** The tokens of the text in order, repeats kept, as Elasticsearch's analyze API lists them. */
    List<String> tokensOf(String field, String text) {
        Analyzer analyzer = byField.get(field);
        if (analyzer == null) {
            throw new IllegalArgumentException("no analyzer made here for " + field);
        }
        List<String> list = new ArrayList<>();
        try (TokenStream tokens = analyzer.tokenStream(field, new StringReader(text))) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                list.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
        return list;
    }

    /** The analyzer the template defines under this name, when it is made only of parts read here. */
    private static Optional<Analyzer> analyzer(JsonNode analysis, String name) {
        JsonNode definition = analysis.path("analyzer").path(name);
        if (!"custom".equals(definition.path("type").asText()) || !"standard".equals(definition.path("tokenizer").asText())
                || definition.has("char_filter")) {
            return Optional.empty();
        }
        List<UnaryOperator<TokenStream>> filters = new ArrayList<>();
        for (JsonNode filter : definition.path("filter")) {
            Optional<UnaryOperator<TokenStream>> made = filter(analysis.path("filter").path(filter.asText()),
                    filter.asText());
            if (made.isEmpty()) {
                return Optional.empty();
            }
            filters.add(made.get());
        }
        return Optional.of(new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = tokenizer;
                for (UnaryOperator<TokenStream> filter : filters) {
                    stream = filter.apply(stream);
                }
                return new TokenStreamComponents(tokenizer, stream);
            }
        });
    }

    /**
     * A token filter by its definition in the template (or, with none, by Elasticsearch's built-in name), when it is
     * one Lucene filter with the settings Elasticsearch gives it.
     */
    private static Optional<UnaryOperator<TokenStream>> filter(JsonNode definition, String name) {
        String type = definition.isMissingNode() ? name : definition.path("type").asText();
        int settings = definition.isMissingNode() ? 0 : definition.size() - 1;
        return switch (type) {
            case "lowercase" -> settings == 0 ? Optional.of(LowerCaseFilter::new) : Optional.empty();
            case "asciifolding" -> settings == 0 ? Optional.of(ASCIIFoldingFilter::new) : Optional.empty();
            case "porter_stem" -> settings == 0 ? Optional.of(PorterStemFilter::new) : Optional.empty();
            case "stemmer" -> settings == 1 && "possessive_english".equals(definition.path("language").asText())
                    ? Optional.of(EnglishPossessiveFilter::new) : Optional.empty();
            case "stop" -> settings == 1 && "_english_".equals(definition.path("stopwords").asText())
                    ? Optional.of(in -> new StopFilter(in, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET))
                    : Optional.empty();
            default -> Optional.empty();
        };
    }
}
