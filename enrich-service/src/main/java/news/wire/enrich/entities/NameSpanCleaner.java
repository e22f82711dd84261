package news.wire.enrich.entities;

import static news.wire.enrich.entities.NameLexicon.key;

import java.util.List;
import java.util.Optional;

import news.wire.enrich.copy.ArticleField;

/**
 * Turns a run of tokens the tagger labelled as one name into the name itself: titles and roles come off
 * ("US National Security Advisor Jake Sullivan" → PERSON "Jake Sullivan"), and pronouns, date words and
 * lone articles never become names.
 */
final class NameSpanCleaner {

    Optional<NameSpan> clean(ArticleField field, String text, List<NameToken> run, EntityType type) {
        int from = 0;
        int to = run.size();
        // A title inside the run means what follows it is the person's name, whatever label the run got:
        // the CRF often labels the whole "Security Advisor Jake Sullivan" run as one organisation.
        int lastTitle = -1;
        for (int i = 0; i < to - 1; i++) {
            if (NameLexicon.TITLES.contains(bare(run.get(i).word()))) {
                lastTitle = i;
            }
        }
        // Not for a place led by a title ("Prince Edward Island"): there the title word is part of the name.
        if (lastTitle >= 0 && followedByPersonName(run, lastTitle + 1, to)
                && (type != EntityType.LOCATION || lastTitle > 0)) {
            from = lastTitle + 1;
            type = EntityType.PERSON;
        }
        // A capitalised "The" the tagger kept is part of the name ("The Times", "The Hague"); a person's never is.
        while (from < to && isFiller(run.get(from).word())
                && !(type != EntityType.PERSON && run.get(from).word().equals("The"))) {
            from++;
        }
        while (to > from && isFiller(run.get(to - 1).word()) && !closesBracket(run, from, to - 1)) {
            to--;
        }
        if (from >= to) {
            return Optional.empty();
        }
        List<NameToken> name = run.subList(from, to);
        if (name.stream().allMatch(t -> isNeverAName(t.word()))) {
            return Optional.empty();
        }
        int start = name.get(0).start();
        int end = name.get(name.size() - 1).end();
        return Optional.of(new NameSpan(field, start, end, text.substring(start, end), type));
    }

    /**
     * Drops a role the tagger took for an organisation or place when a person's name follows it directly
     * ("US National Security Advisor | Jake Sullivan"): the role describes the person, it names nothing.
     */
    List<NameSpan> dropRolesBeforeNames(String text, List<NameSpan> spans) {
        List<NameSpan> kept = new java.util.ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            NameSpan span = spans.get(i);
            NameSpan next = i + 1 < spans.size() ? spans.get(i + 1) : null;
            boolean role = span.type() != EntityType.PERSON && next != null && next.type() == EntityType.PERSON
                    && text.substring(span.end(), next.start()).isBlank()
                    && NameLexicon.TITLES.contains(bare(lastWord(span.text())));
            if (!role) {
                kept.add(span);
            }
        }
        return kept;
    }

    /**
     * Makes one place of a natural feature and the name it is "of", which the tagger often splits or calls an
     * organisation: "Gulf" + "of" + "Aden" becomes "Gulf of Aden", and "Island of Qeshm" is a place.
     */
    List<NameSpan> joinPlacesOfFeatures(String text, List<NameSpan> spans) {
        List<NameSpan> joined = new java.util.ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            NameSpan span = spans.get(i);
            NameSpan next = i + 1 < spans.size() ? spans.get(i + 1) : null;
            boolean feature = NameLexicon.PLACE_HEADS.contains(bare(lastWord(span.text())));
            if (feature && span.type() == EntityType.LOCATION && next != null && next.type() == EntityType.LOCATION
                    && text.substring(span.end(), next.start()).equals(" of ")) {
                joined.add(new NameSpan(span.field(), span.start(), next.end(),
                        text.substring(span.start(), next.end()), EntityType.LOCATION));
                i++;
            } else if (span.type() != EntityType.LOCATION && startsWithFeatureOf(span.text())) {
                joined.add(new NameSpan(span.field(), span.start(), span.end(), span.text(), EntityType.LOCATION));
            } else {
                joined.add(span);
            }
        }
        return joined;
    }

    private static boolean startsWithFeatureOf(String name) {
        String[] words = name.split("\\s+");
        return words.length >= 3 && NameLexicon.PLACE_HEADS.contains(bare(words[0])) && words[1].equals("of")
                && Character.isUpperCase(words[2].codePointAt(0));
    }

    private static String lastWord(String name) {
        String[] words = name.split("\\s+");
        return words[words.length - 1];
    }

    private static boolean followedByPersonName(List<NameToken> run, int from, int to) {
        int names = to - from;
        if (names < 1 || names > 4) {
            return false;
        }
        for (int i = from; i < to; i++) {
            String word = run.get(i).word();
            if (!Character.isUpperCase(word.codePointAt(0)) || NameLexicon.TITLES.contains(bare(word))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isFiller(String word) {
        String w = bare(word);
        return w.isEmpty() || w.equals("the") || w.equals("'s") || w.equals("’s") || w.equals("'")
                || NameLexicon.TITLES.contains(w) && !Character.isUpperCase(word.codePointAt(0))
                || !Character.isLetterOrDigit(word.codePointAt(0));
    }

    /** A closing bracket whose opening one is in the name stays: "Mladost (L)" is not "Mladost (L". */
    private static boolean closesBracket(List<NameToken> run, int from, int closing) {
        if (!run.get(closing).word().equals(")")) {
            return false;
        }
        int depth = 0;
        for (int i = from; i < closing; i++) {
            String word = run.get(i).word();
            depth += word.equals("(") ? 1 : word.equals(")") ? -1 : 0;
        }
        return depth > 0;
    }

    private static boolean isNeverAName(String word) {
        String w = bare(word);
        return NameLexicon.NOT_NAMES.contains(w) || NameLexicon.isCalendarWord(w) || NameLexicon.TITLES.contains(w);
    }

    private static String bare(String word) {
        String w = key(word);
        return w.endsWith(".") && w.length() > 1 ? w.substring(0, w.length() - 1) : w;
    }
}
