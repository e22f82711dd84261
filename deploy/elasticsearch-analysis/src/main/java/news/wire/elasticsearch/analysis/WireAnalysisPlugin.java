package news.wire.elasticsearch.analysis;

import java.util.Map;
import java.util.function.Function;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.StopFilter;
import org.elasticsearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

/**
 * Registers Lucene's English analysis under the names Elasticsearch's own analysis-common module uses, for a
 * node built without that module: the {@code english} analyzer and the token filters to compose one.
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
                "english_possessive", filter(EnglishPossessiveFilter::new),
                "english_stop", filter(in -> new StopFilter(in, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET)),
                "porter_stem", filter(PorterStemFilter::new));
    }

    private static AnalysisProvider<TokenFilterFactory> filter(Function<TokenStream, TokenStream> wrap) {
        return (indexSettings, environment, name, settings) -> new AbstractTokenFilterFactory(name) {
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
