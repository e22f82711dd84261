package news.wire.elasticsearch.analysis;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

/**
 * Stands in for Elasticsearch's analysis-common module on a node built without it (the Maven integ-test zip): Lucene's
 * English analysis under the names analysis-common gives it, so an index template written for the official image
 * works here unchanged. Only names the server itself lacks: it already has the {@code stop} filter, and a name
 * registered twice stops the node from starting. For the same reason this plugin never goes on an official image.
 */
public class WireAnalysisPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        return Map.of("english", (indexSettings, environment, name, settings) -> new EnglishProvider(name));
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of(
                "lowercase", filter(LowerCaseFilter::new),
                "asciifolding", filter(ASCIIFoldingFilter::new),
                "porter_stem", filter(PorterStemFilter::new),
                "stemmer", (indexSettings, environment, name, settings) -> factory(name, stemmer(settings)),
                // Not analysis-common names, and no template uses them any more: an articles-v2 index that a local node
                // created with them fails to open without them, which turns the node red and keeps the launcher from
                // seeing it healthy, before query-service can move the alias to articles-v3. Remove once local nodes
                // have deleted articles-v2.
                "english_possessive", filter(EnglishPossessiveFilter::new),
                "english_stop", filter(in -> new StopFilter(in, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET)));
    }

    /**
     * analysis-common's {@code stemmer} filter for the English languages, with the same Lucene filter for each and the
     * same default ({@code porter}). Any other language is refused when the index is created, rather than left to
     * analyse differently here than on the official image.
     */
    static Function<TokenStream, TokenStream> stemmer(Settings settings) {
        String language = settings.get("language", settings.get("name", "porter"));
        return switch (language.toLowerCase(Locale.ROOT)) {
            case "possessive_english", "possessiveenglish" -> EnglishPossessiveFilter::new;
            case "english", "porter" -> PorterStemFilter::new;
            default -> throw new IllegalArgumentException("stemmer language [" + language + "] is not available on this"
                    + " node: the wire-analysis plugin, which stands in for analysis-common, has only [possessive_english],"
                    + " [english] and [porter]");
        };
    }

    private static AnalysisProvider<TokenFilterFactory> filter(Function<TokenStream, TokenStream> wrap) {
        return (indexSettings, environment, name, settings) -> factory(name, wrap);
    }

    private static TokenFilterFactory factory(String name, Function<TokenStream, TokenStream> wrap) {
        return new AbstractTokenFilterFactory(name) {
            @Override
            public TokenStream create(TokenStream in) {
                return wrap.apply(in);
            }
        };
    }

    /** Lucene's EnglishAnalyzer: standard tokens, possessives off, lower case, English stop words, Porter stems. */
    private static final class EnglishProvider extends AbstractIndexAnalyzerProvider<EnglishAnalyzer> {

        private final EnglishAnalyzer analyzer = new EnglishAnalyzer();

        EnglishProvider(String name) {
            super(name);
        }

        @Override
        public EnglishAnalyzer get() {
            return analyzer;
        }
    }
}
