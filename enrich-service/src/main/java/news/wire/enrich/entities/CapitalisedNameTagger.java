package news.wire.enrich.entities;

import static news.wire.enrich.entities.NameLexicon.key;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import news.wire.enrich.copy.ArticleField;

/**
 * A first, rule-based entity tagger: runs of capitalised words in the body, typed by the cues a reader uses
 * (titles before people, "said" after them, prepositions before places, organisation words), then joined so
 * that short forms ("Biden") fall under the full name ("Joe Biden"). Headline mentions are only those of
 * names found in the body, because headlines capitalise every word.
 */
public class CapitalisedNameTagger implements EntityTagger {

    private static final Pattern TOKEN =
            Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\p{M}&-]|['’](?=\\p{L})|\\.(?=\\p{L}))*|[^\\s\\p{L}\\p{N}]");

    @Override
    public String engine() {
        return "capitalised-names/1";
    }

    @Override
    public List<Entity> tag(String headline, String body) {
        List<Candidate> candidates = candidates(body);
        Map<String, Group> groups = group(candidates);
        List<Group> kept = joinWellKnownNames(resolve(groups));
        kept.forEach(group -> findInHeadline(headline, group));
        return toEntities(kept, body.length());
    }

    /** A capitalised run of the body, with what its context says about its type. */
    private record Candidate(int start, int end, String text, int tokens, EntityType type, int strength,
                             boolean sentenceInitial) {
    }

    private record Token(int start, int end, String text) {
        boolean capitalised() {
            return Character.isUpperCase(text.codePointAt(0));
        }
    }

    /** Mentions sharing one surface form, and later the short forms joined to them. */
    private static final class Group {
        final String surface;
        final List<Candidate> body = new ArrayList<>();
        final List<Mention> headline = new ArrayList<>();
        EntityType type;
        int strength;
        /** The name and type every article uses, for a well-known entity; null otherwise. */
        WellKnownNames.KnownName known;

        Group(String surface) {
            this.surface = surface;
        }

        int tokens() {
            return surface.split(" ").length;
        }

        boolean onlySentenceInitial() {
            return body.stream().allMatch(Candidate::sentenceInitial);
        }
    }

    private static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(new Token(m.start(), m.end(), m.group()));
        }
        return tokens;
    }

    private List<Candidate> candidates(String text) {
        List<Token> tokens = tokenize(text);
        List<Candidate> found = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            if (!tokens.get(i).capitalised()) {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < tokens.size()) {
                if (tokens.get(end).capitalised() && !newParagraphBetween(text, tokens.get(end - 1), tokens.get(end))) {
                    end++;
                } else if (end + 1 < tokens.size() && NameLexicon.CONNECTORS.contains(key(tokens.get(end).text()))
                        && tokens.get(end + 1).capitalised()) {
                    end += 2;
                } else {
                    break;
                }
            }
            candidate(text, tokens, i, end).ifPresent(found::add);
            i = end;
        }
        return found;
    }

    private static boolean newParagraphBetween(String text, Token a, Token b) {
        return text.substring(a.end(), b.start()).indexOf('\n') >= 0;
    }

    private static boolean sentenceStart(String text, List<Token> tokens, int index) {
        if (index == 0) {
            return true;
        }
        Token previous = tokens.get(index - 1);
        if (newParagraphBetween(text, previous, tokens.get(index))) {
            return true;
        }
        String p = previous.text();
        if (p.equals("\"") || p.equals("“") || p.equals("'") || p.equals("(") || p.equals("-") || p.equals(":")) {
            return index == 1 || sentenceStart(text, tokens, index - 1);
        }
        if (p.equals(".")) {
            return index < 2 || !NameLexicon.ABBREVIATIONS.contains(key(tokens.get(index - 2).text()));
        }
        return p.equals("!") || p.equals("?");
    }

    private java.util.Optional<Candidate> candidate(String text, List<Token> tokens, int from, int to) {
        boolean initial = sentenceStart(text, tokens, from);
        int first = from;
        int last = to;
        // Drop leading function words ("The", "In") and date words ("Monday"): dates are tagged elsewhere.
        while (first < last && (NameLexicon.NOT_NAMES.contains(key(tokens.get(first).text()))
                || NameLexicon.isCalendarWord(key(tokens.get(first).text()))
                || NameLexicon.CONNECTORS.contains(key(tokens.get(first).text())))) {
            first++;
            initial = false;
        }
        // "Shares of Kestrel Holdings" opening a sentence: the first word is capitalised only by position.
        if (initial && first + 2 < last && NameLexicon.CONNECTORS.contains(key(tokens.get(first + 1).text()))
                && !NameLexicon.ORGANIZATION_HEADS.contains(key(tokens.get(first).text()))
                && !NameLexicon.LOCATION_HEADS.contains(key(tokens.get(first).text()))) {
            first += 2;
            initial = false;
        }
        if (first >= last) {
            return java.util.Optional.empty();
        }
        // Titles introduce people: keep what follows the last title ("US National Security Advisor Jake Sullivan").
        int lastTitle = -1;
        for (int t = first; t < last; t++) {
            if (NameLexicon.TITLES.contains(key(tokens.get(t).text()))) {
                lastTitle = t;
            }
        }
        EntityType type = null;
        int strength = 0;
        if (lastTitle >= 0) {
            if (lastTitle == last - 1) {
                return java.util.Optional.empty();
            }
            first = lastTitle + 1;
            type = EntityType.PERSON;
            strength = 3;
            initial = false;
        }
        while (last > first && NameLexicon.CONNECTORS.contains(key(tokens.get(last - 1).text()))) {
            last--;
        }
        if (last == first) {
            // Only particles after a title ("President de La"): no name came.
            return java.util.Optional.empty();
        }
        int start = tokens.get(first).start();
        int end = tokens.get(last - 1).end();
        String surface = text.substring(start, end);
        if (surface.endsWith("'s") || surface.endsWith("’s")) {
            end -= 2;
            surface = surface.substring(0, surface.length() - 2);
        }
        int count = last - first;
        if (count == 1 && (NameLexicon.NOT_NAMES.contains(key(surface)) || NameLexicon.isCalendarWord(key(surface))
                || NameLexicon.TITLES.contains(key(surface)))) {
            return java.util.Optional.empty();
        }
        if (type == null) {
            String before = first > 0 ? key(tokens.get(first - 1).text()) : "";
            String after = last < tokens.size() ? tokens.get(last).text() : "";
            EntityCue cue = cue(tokens.subList(first, last), before, after);
            type = cue.type();
            strength = cue.strength();
        }
        return java.util.Optional.of(new Candidate(start, end, surface, count, type, strength, initial));
    }

    private record EntityCue(EntityType type, int strength) {
    }

    private static EntityCue cue(List<Token> name, String before, String after) {
        String head = key(name.get(0).text());
        String tail = key(name.get(name.size() - 1).text()).replaceAll("['’]s$", "");
        boolean single = name.size() == 1;
        String word = name.get(0).text();
        if (NameLexicon.ORGANIZATION_ENDINGS.contains(tail)
                || name.size() > 2 && NameLexicon.ORGANIZATION_HEADS.contains(head) && key(name.get(1).text()).equals("of")) {
            return new EntityCue(EntityType.ORGANIZATION, 3);
        }
        if (NameLexicon.LOCATION_ENDINGS.contains(tail) || !single && NameLexicon.LOCATION_HEADS.contains(head)) {
            return new EntityCue(EntityType.LOCATION, 3);
        }
        if (single && word.length() <= 6 && word.equals(word.toUpperCase(java.util.Locale.ROOT)) && word.length() > 1) {
            return NameLexicon.COUNTRY_ABBREVIATIONS.contains(word)
                    ? new EntityCue(EntityType.LOCATION, 2) : new EntityCue(EntityType.ORGANIZATION, 2);
        }
        boolean lowercaseNext = !after.isEmpty() && Character.isLowerCase(after.codePointAt(0));
        if (single && NameLexicon.isDemonym(word.replaceAll("['’]s$", "")) && lowercaseNext
                && !NameLexicon.SPEECH_VERBS.contains(after)) {
            return new EntityCue(EntityType.MISC, 2);
        }
        if (NameLexicon.SPEECH_VERBS.contains(after)) {
            return new EntityCue(EntityType.PERSON, name.size() <= 3 ? 2 : 1);
        }
        if (NameLexicon.PLACE_PREPOSITIONS.contains(before)) {
            return new EntityCue(EntityType.LOCATION, 2);
        }
        if (before.equals("the")) {
            return new EntityCue(EntityType.ORGANIZATION, 1);
        }
        if (name.size() <= 3 && !single) {
            return new EntityCue(EntityType.PERSON, 1);
        }
        return single ? new EntityCue(null, 0) : new EntityCue(EntityType.ORGANIZATION, 1);
    }

    private static Map<String, Group> group(List<Candidate> candidates) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            // Case-blind, so a dateline in capitals ("KESTREL BAY") joins the name as written in the text.
            Group g = groups.computeIfAbsent(key(c.text()), k -> new Group(c.text()));
            g.body.add(c);
            if (c.type() != null && c.strength() > g.strength) {
                g.type = c.type();
                g.strength = c.strength();
            }
        }
        return groups;
    }

    /** Joins short forms to full names and settles each group's type; drops what is not a name after all. */
    private static List<Group> resolve(Map<String, Group> groups) {
        List<Group> multi = groups.values().stream().filter(g -> g.tokens() > 1).toList();
        List<Group> kept = new ArrayList<>(multi);
        for (Group g : groups.values()) {
            if (g.tokens() > 1) {
                continue;
            }
            Group full = fullFormOf(g, multi);
            if (full != null) {
                full.body.addAll(g.body);
                continue;
            }
            if (g.onlySentenceInitial() && g.strength < 2) {
                continue;
            }
            if (g.type == null) {
                // A bare capitalised word with no cue: in wire copy that is most often a country or city.
                g.type = EntityType.LOCATION;
            }
            kept.add(g);
        }
        kept.removeIf(g -> g.type == null);
        return kept;
    }

    /** "Netanyahu" joins "Benjamin Netanyahu" when exactly one person in the article has that surname. */
    private static Group fullFormOf(Group shortForm, List<Group> multi) {
        Group match = null;
        for (Group g : multi) {
            String[] words = g.surface.split(" ");
            boolean surname = g.type == EntityType.PERSON && words[words.length - 1].equals(shortForm.surface);
            boolean leading = g.type != EntityType.PERSON && words[0].equals(shortForm.surface) && g.strength >= 3;
            if (surname || leading) {
                if (match != null && match != g) {
                    return null;
                }
                match = g;
            }
        }
        return match;
    }

    private static void findInHeadline(String headline, Group group) {
        if (headline == null || headline.isEmpty()) {
            return;
        }
        List<String> forms = group.body.stream().map(Candidate::text).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        boolean[] taken = new boolean[headline.length()];
        for (String form : forms) {
            Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(form) + "(?![\\p{L}\\p{N}])").matcher(headline);
            while (m.find()) {
                if (!taken[m.start()]) {
                    Arrays.fill(taken, m.start(), m.end(), true);
                    group.headline.add(new Mention(ArticleField.HEADLINE, m.start(), m.end(), form));
                }
            }
        }
    }

    /** Gives well-known entities the name every article uses, and makes one group of two forms of one of them. */
    private static List<Group> joinWellKnownNames(List<Group> groups) {
        Map<WellKnownNames.KnownName, Group> byName = new LinkedHashMap<>();
        List<Group> kept = new ArrayList<>();
        for (Group g : groups) {
            List<String> forms = g.body.stream().map(Candidate::text).toList();
            var known = WellKnownNames.of(canonicalName(g), g.type, forms);
            Group first = known.map(byName::get).orElse(null);
            if (first != null) {
                first.body.addAll(g.body);
                continue;
            }
            known.ifPresent(k -> {
                g.known = k;
                g.type = k.type();
                byName.put(k, g);
            });
            kept.add(g);
        }
        return kept;
    }

    private static String canonicalName(Group g) {
        if (g.known != null) {
            return g.known.name();
        }
        return g.body.stream().map(Candidate::text)
                .max(Comparator.comparingInt(String::length)
                        .thenComparing(text -> !text.equals(text.toUpperCase(java.util.Locale.ROOT))))
                .orElse(g.surface);
    }

    private static List<Entity> toEntities(List<Group> groups, int bodyLength) {
        int most = groups.stream().mapToInt(g -> g.body.size() + g.headline.size()).max().orElse(1);
        List<Entity> entities = new ArrayList<>();
        for (Group g : groups) {
            List<Mention> mentions = new ArrayList<>(g.headline);
            g.body.stream().sorted(Comparator.comparingInt(Candidate::start))
                    .forEach(c -> mentions.add(new Mention(ArticleField.BODY, c.start(), c.end(), c.text())));
            entities.add(Entity.named(g.type, canonicalName(g), mentions, most, bodyLength));
        }
        entities.sort(Comparator.comparingDouble(Entity::salience).reversed().thenComparing(Entity::name));
        return entities;
    }
}
