package news.wire.enrich.entities;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ie.crf.CRFCliqueTree;
import edu.stanford.nlp.ling.CoreLabel;

import news.wire.enrich.copy.ArticleField;

/**
 * How sure the CRF is that a span's words carry the span's type, from its marginal probabilities. They cost a second
 * pass over a sentence, so they are worked out only for sentences the grouper asks about, once each.
 */
final class CrfCertainty {

    private final CRFClassifier<CoreLabel> crf;
    private final Map<ArticleField, List<List<CoreLabel>>> sentences = new EnumMap<>(ArticleField.class);
    private final Map<List<CoreLabel>, CRFCliqueTree<String>> trees = new IdentityHashMap<>();

    CrfCertainty(CRFClassifier<CoreLabel> crf) {
        this.crf = crf;
    }

    /** Remembers a field's sentences as the CRF labelled them. */
    void add(ArticleField field, List<List<CoreLabel>> labelled) {
        sentences.computeIfAbsent(field, f -> new ArrayList<>()).addAll(labelled);
    }

    /**
     * The lowest probability, over the span's words, of the span's type; 0 for a span with no word the CRF saw (one
     * the clean-up made up).
     */
    double of(NameSpan span) {
        double lowest = 1.0;
        boolean seen = false;
        for (List<CoreLabel> sentence : sentences.getOrDefault(span.field(), List.of())) {
            if (sentence.isEmpty() || sentence.get(0).beginPosition() >= span.end()
                    || sentence.get(sentence.size() - 1).endPosition() <= span.start()) {
                continue;
            }
            CRFCliqueTree<String> tree = trees.computeIfAbsent(sentence, crf::getCliqueTree);
            for (int i = 0; i < sentence.size(); i++) {
                CoreLabel token = sentence.get(i);
                if (token.endPosition() > span.start() && token.beginPosition() < span.end()) {
                    lowest = Math.min(lowest, tree.prob(i, span.type().name()));
                    seen = true;
                }
            }
        }
        return seen ? lowest : 0.0;
    }
}
