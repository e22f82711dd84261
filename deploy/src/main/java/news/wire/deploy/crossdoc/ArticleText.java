package news.wire.deploy.crossdoc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An ECB+ document rebuilt as an article: headline and body from its tokens, with each token's place in them, so a
 * gold mention (token ids) can be compared with a tagged mention (field and character offsets).
 *
 * <p>Tokens are joined by single spaces, except before closing punctuation and after opening brackets; each
 * sentence is a line. ECB+ documents have no title element. The web (ecbplus) files start with the page's URL as
 * sentence 0, which is not article text and would hand the story matcher the slug's keywords, so it is left out;
 * the headline is then the first remaining sentence (in ecbplus files usually the page title), the body the rest.
 */
public record ArticleText(String headline, String body, Map<Integer, Span> tokens) {

    /** Tokens written without a space before them. */
    private static final Set<String> CLOSING = Set.of(",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "''", "'s",
            "'", "n't", "'re", "'ve", "'ll", "'d", "'m");
    /** Tokens written without a space after them. */
    private static final Set<String> OPENING = Set.of("(", "[", "{", "``", "$");

    /** Where a token is: {@code "headline"} or {@code "body"}, and its character offsets there. */
    public record Span(String field, int start, int end) {
    }

    public static ArticleText of(EcbDocument document) {
        Map<Integer, List<EcbDocument.Token>> sentences = new LinkedHashMap<>();
        for (EcbDocument.Token token : document.tokens()) {
            sentences.computeIfAbsent(token.sentence(), s -> new ArrayList<>()).add(token);
        }
        List<List<EcbDocument.Token>> kept = new ArrayList<>(sentences.values());
        if (!kept.isEmpty() && isUrl(kept.get(0)) && kept.size() > 1) {
            kept.remove(0);
        }
        Map<Integer, Span> spans = new HashMap<>();
        StringBuilder headline = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < kept.size(); i++) {
            String field = i == 0 ? "headline" : "body";
            StringBuilder text = i == 0 ? headline : body;
            if (text.length() > 0) {
                text.append('\n');
            }
            appendSentence(kept.get(i), field, text, spans);
        }
        if (body.length() == 0) {
            // A one-sentence document: ingest wants a body, so the sentence is both (mentions count in the headline).
            body.append(headline);
        }
        return new ArticleText(headline.toString(), body.toString(), Map.copyOf(spans));
    }

    private static boolean isUrl(List<EcbDocument.Token> sentence) {
        return sentence.get(0).text().toLowerCase().startsWith("http");
    }

    private static void appendSentence(List<EcbDocument.Token> sentence, String field, StringBuilder text,
                                       Map<Integer, Span> spans) {
        String previous = null;
        for (EcbDocument.Token token : sentence) {
            // A few tokens carry a tab or other control character, which ingest rightly refuses in a headline.
            String word = token.text().replaceAll("\\p{Cntrl}", "").strip();
            if (word.isEmpty()) {
                continue;
            }
            if (previous != null && !CLOSING.contains(word) && !OPENING.contains(previous)) {
                text.append(' ');
            }
            int start = text.length();
            text.append(word);
            spans.put(token.id(), new Span(field, start, text.length()));
            previous = word;
        }
    }

    /** The field and character range a run of tokens covers, or null when none of them is in the text. */
    public Span span(List<Integer> tokenIds) {
        String field = null;
        int start = Integer.MAX_VALUE;
        int end = -1;
        for (int id : tokenIds) {
            Span token = tokens.get(id);
            if (token == null || (field != null && !field.equals(token.field()))) {
                continue;
            }
            field = token.field();
            start = Math.min(start, token.start());
            end = Math.max(end, token.end());
        }
        return field == null ? null : new Span(field, start, end);
    }
}
