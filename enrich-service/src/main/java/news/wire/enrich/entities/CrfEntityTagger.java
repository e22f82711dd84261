package news.wire.enrich.entities;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.PropertiesUtils;

import news.wire.enrich.copy.ArticleField;

/**
 * Entities from Stanford CoreNLP's CoNLL 4-class CRF (GPL-3.0), cleaned of titles and joined per real-world
 * entity. Headlines in title case are not tagged on their own: only names found in the body are found again there;
 * subheads in title case keep only names the running text uses.
 */
public class CrfEntityTagger implements EntityTagger {

    /** The one model file the build copies out of CoreNLP's models jar. */
    public static final String MODEL = "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz";
    private static final String OUTSIDE = "O";

    private final CRFClassifier<CoreLabel> crf;
    private final NameSpanCleaner cleaner = new NameSpanCleaner();
    private final EntityGrouper grouper = new EntityGrouper();

    public CrfEntityTagger() {
        this(MODEL);
    }

    public CrfEntityTagger(String model) {
        this.crf = classifier(model);
    }

    /** The CRF as this tagger runs it (model and tokenizer options), for evaluations that score it bare. */
    public static CRFClassifier<CoreLabel> classifier(String model) {
        try {
            // CoreNLP's tokenizer now splits hyphenated words, but the model learned from CoNLL-2003, where
            // "Hewlett-Packard", "T-Mobile" and "U.S.-led" are one token each: split, their halves get tagged apart
            // or not at all.
            return CRFClassifier.getClassifier(model,
                    PropertiesUtils.asProperties("tokenizerOptions", "splitHyphenated=false"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the entity model " + model, e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("The entity model " + model + " does not match this CoreNLP", e);
        }
    }

    @Override
    public String engine() {
        return "corenlp-crf-conll4/4.5.10";
    }

    @Override
    public List<Entity> tag(String headline, String body) {
        List<NameSpan> headlineSpans = headline.isBlank() || HeadlineCase.isTitleCase(headline)
                ? List.of() : spans(ArticleField.HEADLINE, headline);
        List<NameSpan> bodySpans = RepeatedNames.addTo(body,
                HeadlineCase.withoutSubheadFragments(body, spans(ArticleField.BODY, body)));
        return grouper.group(headline, headlineSpans, bodySpans, DatelinePlace.in(body), body.length());
    }

    /** The cleaned name spans of one field, in order. */
    List<NameSpan> spans(ArticleField field, String text) {
        List<NameSpan> spans = new ArrayList<>();
        if (text.isBlank()) {
            return spans;
        }
        for (List<CoreLabel> sentence : crf.classify(text)) {
            List<NameToken> run = new ArrayList<>();
            String label = OUTSIDE;
            for (CoreLabel token : sentence) {
                String answer = token.get(CoreAnnotations.AnswerAnnotation.class);
                if (!answer.equals(label) || crossesLineBreak(text, run, token)) {
                    flush(field, text, run, label, spans);
                    label = answer;
                }
                if (!OUTSIDE.equals(answer)) {
                    run.add(new NameToken(token.word(), token.beginPosition(), token.endPosition()));
                }
            }
            flush(field, text, run, label, spans);
        }
        return cleaner.joinPlacesOfFeatures(text, cleaner.dropRolesBeforeNames(text, spans));
    }

    /**
     * A name never runs across a line break. The tokenizer reads a paragraph break as plain space, so a byline's
     * agency and the organisation opening the next paragraph ("Coastal Press Agency\n\nThe Lower Varnmoor Maritime
     * Authority") would otherwise come out as one name.
     */
    private static boolean crossesLineBreak(String text, List<NameToken> run, CoreLabel token) {
        if (run.isEmpty()) {
            return false;
        }
        int from = run.get(run.size() - 1).end();
        int to = token.beginPosition();
        return from < to && text.substring(from, to).indexOf('\n') >= 0;
    }

    private void flush(ArticleField field, String text, List<NameToken> run, String label, List<NameSpan> spans) {
        if (!run.isEmpty()) {
            Optional<NameSpan> span = cleaner.clean(field, text, List.copyOf(run), EntityType.valueOf(label));
            span.ifPresent(spans::add);
            run.clear();
        }
    }
}
