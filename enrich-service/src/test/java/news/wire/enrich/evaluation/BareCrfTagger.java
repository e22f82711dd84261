package news.wire.enrich.evaluation;

import java.util.ArrayList;
import java.util.List;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;

import news.wire.enrich.copy.ArticleField;
import news.wire.enrich.entities.CrfEntityTagger;
import news.wire.enrich.entities.Entity;
import news.wire.enrich.entities.EntityTagger;
import news.wire.enrich.entities.EntityType;
import news.wire.enrich.entities.Mention;

/**
 * The CRF production wraps, with none of our clean-up: every run of tokens with one label is a mention of its own.
 * The reference a clean-up rule has to beat on text it was not tuned on.
 */
final class BareCrfTagger implements EntityTagger {

    private final CRFClassifier<CoreLabel> crf;

    /** The model as a classpath resource or a file, as {@link CrfEntityTagger} takes it. */
    BareCrfTagger(String model) {
        this.crf = CrfEntityTagger.classifier(model);
    }

    @Override
    public String engine() {
        return "bare-crf-conll4/4.5.10";
    }

    @Override
    public List<Entity> tag(String headline, String body) {
        List<Entity> entities = new ArrayList<>();
        for (List<CoreLabel> sentence : crf.classify(body)) {
            String label = "O";
            int start = -1;
            int end = -1;
            for (CoreLabel token : sentence) {
                String answer = token.get(CoreAnnotations.AnswerAnnotation.class);
                if (!answer.equals(label)) {
                    add(entities, body, label, start, end);
                    label = answer;
                    start = token.beginPosition();
                }
                end = token.endPosition();
            }
            add(entities, body, label, start, end);
        }
        return entities;
    }

    private static void add(List<Entity> entities, String body, String label, int start, int end) {
        if (!label.equals("O") && start >= 0) {
            String text = body.substring(start, end);
            entities.add(new Entity("bare:" + entities.size(), EntityType.valueOf(label), text, 0,
                    List.of(new Mention(ArticleField.BODY, start, end, text))));
        }
    }
}
