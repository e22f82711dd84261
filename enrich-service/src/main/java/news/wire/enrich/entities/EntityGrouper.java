package news.wire.enrich.entities;

import static news.wire.enrich.entities.NameLexicon.key;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import news.wire.enrich.copy.ArticleField;

/**
 * Joins the name spans of one article into entities: one per real-world entity, under the fullest name the article
 * uses (or the name every article uses, for well-known ones), with every mention and a salience score. "Biden" and
 * "Joe" join "Joe Biden", "UN" joins "United Nations", "HP" joins "Hewlett-Packard", the dateline joins its place.
 */
final class EntityGrouper {

    /** Spans sharing one spelling (case aside), then the short forms joined to them. */
    private static final class Group {
        final String key;
        final List<NameSpan> spans = new ArrayList<>();
        final Map<EntityType, Integer> votes = new EnumMap<>(EntityType.class);
        final String[] words;
        /** The name and type every article uses, for a well-known entity; null otherwise. */
        WellKnownNames.KnownName known;
        /** Whether the dateline names it, so a name seen only in the dateline's capitals is written in title case. */
        boolean inDateline;

        Group(String key) {
            this.key = key;
            this.words = key.split("\\s+");
        }

        void add(NameSpan span) {
            spans.add(span);
            // Longer spans are more reliable about their type than a lone surname.
            votes.merge(span.type(), span.tokenCount(), Integer::sum);
        }

        EntityType type() {
            if (known != null) {
                return known.type();
            }
            return winner(votes);
        }

        /** The type the group would have with one more span. */
        EntityType typeWith(NameSpan span) {
            Map<EntityType, Integer> more = new EnumMap<>(votes);
            more.merge(span.type(), span.tokenCount(), Integer::sum);
            return winner(more);
        }

        private static EntityType winner(Map<EntityType, Integer> votes) {
            return votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        }

        /** The parts of the name initials are taken from: "Hewlett-Packard Co." has two, "Hewlett" and "Packard". */
        String[] parts() {
            return key.split("[\\s\\p{Pd}]+");
        }

        String acronym() {
            StringBuilder initials = new StringBuilder();
            String[] parts = parts();
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i].replace(".", "");
                // A company's legal form ("Co.", "Inc") is not in its acronym: "HP" for "Hewlett-Packard Co.".
                boolean legalForm = i > 0 && i == parts.length - 1 && NameLexicon.LEGAL_FORMS.contains(part);
                if (!part.isEmpty() && !legalForm && !NameLexicon.CONNECTORS.contains(part) && !part.equals("the")) {
                    initials.append(part.charAt(0));
                }
            }
            return initials.toString();
        }
    }

    /**
     * The article's entities. {@code dateline} is the place the body's dateline names, if it opens with one: it
     * replaces whatever the tagger made of the dateline's capitals.
     */
    List<Entity> group(String headline, List<NameSpan> headlineSpans, List<NameSpan> bodySpans,
                       Optional<NameSpan> dateline, int bodyLength) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (NameSpan span : withoutDateline(bodySpans, dateline)) {
            groups.computeIfAbsent(groupKey(span.text()), Group::new).add(span);
        }
        List<Group> all = new ArrayList<>(groups.values());
        dateline.ifPresent(place -> {
            // A dateline names a place, whatever else the body calls by that name ("NEW YORK" above a story about
            // the New York Mets): it joins the body's uses only where they are the place too.
            Group same = groups.get(groupKey(place.text()));
            boolean samePlace = same != null && same.typeWith(place) == EntityType.LOCATION;
            Group g = samePlace ? same : new Group(groupKey(place.text()));
            g.add(place);
            g.inDateline = true;
            if (g != same) {
                all.add(0, g);
            }
        });
        List<Group> kept = joinWellKnownNames(joinShortForms(all));
        addHeadlineMentions(headline, headlineSpans, kept);
        return toEntities(kept, bodyLength);
    }

    /** Spellings of one name share a key: case aside, and with or without a leading "The" ("The Times", "Times"). */
    private static String groupKey(String name) {
        String key = key(name);
        return key.startsWith("the ") ? key.substring(4) : key;
    }

    /** The body's spans but those inside the dateline's place, which replaces whatever the tagger made of it. */
    private static List<NameSpan> withoutDateline(List<NameSpan> bodySpans, Optional<NameSpan> dateline) {
        return dateline.map(place -> bodySpans.stream()
                .filter(span -> span.end() <= place.start() || span.start() >= place.end()).toList())
                .orElse(bodySpans);
    }

    private static List<Group> joinShortForms(List<Group> groups) {
        List<Group> byLength = new ArrayList<>(groups);
        // Longest first, so every full form is in place before its short forms look for it; among names of one
        // word, hyphenated ones ("Hewlett-Packard") come before the acronyms made of them ("HP").
        byLength.sort(Comparator.comparingInt((Group g) -> g.words.length)
                .thenComparingInt(g -> g.parts().length).reversed());
        List<Group> kept = new ArrayList<>();
        for (Group g : byLength) {
            Group full = fullFormOf(g, kept);
            if (full == null) {
                kept.add(g);
            } else {
                g.spans.forEach(full::add);
                full.inDateline |= g.inDateline;
            }
        }
        return kept;
    }

    /** The one longer name this one is a short form of, or null when there is none or it is ambiguous. */
    private static Group fullFormOf(Group shortForm, List<Group> longer) {
        Group match = null;
        for (Group g : longer) {
            if (g.words.length <= shortForm.words.length && !isAcronymOf(shortForm, g)) {
                continue;
            }
            EntityType fullType = g.type();
            EntityType shortType = shortForm.type();
            boolean joins;
            if (fullType == EntityType.PERSON) {
                // A surname alone is often mislabelled by the tagger, but a place is rarely a person's surname.
                // A first name alone ("Lindsay" for "Lindsay Lohan") must be tagged a person itself: first names
                // are also places and firms far more often than surnames are.
                joins = shortType != EntityType.LOCATION && endsWith(g.words, shortForm.words)
                        || shortType == EntityType.PERSON && isFirstNameOf(shortForm, g);
            } else {
                joins = shortType == fullType && (startsWith(g.words, shortForm.words) && shortForm.words.length > 1
                        || isAcronymOf(shortForm, g));
            }
            if (joins) {
                if (match != null) {
                    return null;
                }
                match = g;
            }
        }
        return match;
    }

    private static boolean isFirstNameOf(Group shortForm, Group full) {
        return shortForm.words.length == 1 && full.words.length > 1 && full.words[0].equals(shortForm.words[0]);
    }

    private static boolean isAcronymOf(Group shortForm, Group full) {
        String acronym = shortForm.key.replace(".", "");
        return shortForm.words.length == 1 && acronym.length() >= 2 && full.parts().length >= 2
                && shortForm.spans.stream().anyMatch(s -> s.text().replace(".", "").equals(acronym.toUpperCase(Locale.ROOT)))
                && acronym.equals(full.acronym());
    }

    /**
     * Gives well-known entities the name every article uses ("U.S." → "United States"), and makes one entity of two
     * forms of it in one article ("Britain" and "UK").
     */
    private static List<Group> joinWellKnownNames(List<Group> groups) {
        Map<WellKnownNames.KnownName, Group> byName = new LinkedHashMap<>();
        List<Group> kept = new ArrayList<>();
        for (Group g : groups) {
            List<String> forms = g.spans.stream().map(NameSpan::text).toList();
            Optional<WellKnownNames.KnownName> known = WellKnownNames.of(canonicalName(g), g.type(), forms);
            if (known.isEmpty()) {
                kept.add(g);
                continue;
            }
            Group first = byName.get(known.get());
            if (first == null) {
                g.known = known.get();
                byName.put(known.get(), g);
                kept.add(g);
            } else {
                g.spans.forEach(first::add);
                first.inDateline |= g.inDateline;
            }
        }
        return kept;
    }

    private static boolean endsWith(String[] words, String[] tail) {
        return tail.length < words.length
                && Arrays.equals(words, words.length - tail.length, words.length, tail, 0, tail.length);
    }

    private static boolean startsWith(String[] words, String[] head) {
        return head.length < words.length && Arrays.equals(words, 0, head.length, head, 0, head.length);
    }

    /**
     * Headline mentions are the article's names found again in the headline; a headline's own names count only where
     * its capitals mean something (sentence case), never title-case fragments.
     */
    private static void addHeadlineMentions(String headline, List<NameSpan> headlineSpans, List<Group> groups) {
        if (headline == null || headline.isEmpty()) {
            return;
        }
        ClaimedText taken = new ClaimedText(headline.length());
        Map<String, Group> owner = new LinkedHashMap<>();
        for (Group g : groups) {
            for (NameSpan span : g.spans) {
                owner.putIfAbsent(span.text(), g);
            }
        }
        List<String> forms = new ArrayList<>(owner.keySet());
        forms.sort(Comparator.comparingInt(String::length).reversed());
        for (String form : forms) {
            // Acronyms match as written, so "US" never matches "us"; other names ignore the headline's capitals.
            boolean acronym = form.length() <= 4 && form.equals(form.toUpperCase(Locale.ROOT));
            int flags = acronym ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
            Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(form) + "(?![\\p{L}\\p{N}])", flags)
                    .matcher(headline);
            while (m.find()) {
                if (taken.claim(m.start(), m.end())) {
                    Group g = owner.get(form);
                    g.spans.add(new NameSpan(ArticleField.HEADLINE, m.start(), m.end(),
                            headline.substring(m.start(), m.end()), g.type()));
                }
            }
        }
        for (NameSpan span : headlineSpans) {
            if (taken.claim(span.start(), span.end())) {
                Group g = new Group(groupKey(span.text()));
                g.add(span);
                groups.add(g);
            }
        }
    }

    private static List<Entity> toEntities(List<Group> groups, int bodyLength) {
        int most = groups.stream().mapToInt(g -> g.spans.size()).max().orElse(1);
        List<Entity> entities = new ArrayList<>();
        for (Group g : groups) {
            List<NameSpan> spans = new ArrayList<>(g.spans);
            spans.sort(Comparator.comparing(NameSpan::field).thenComparingInt(NameSpan::start));
            List<Mention> mentions = spans.stream()
                    .map(s -> new Mention(s.field(), s.start(), s.end(), s.text())).toList();
            String name = g.known != null ? g.known.name() : canonicalName(g);
            entities.add(Entity.named(g.type(), name, mentions, most, bodyLength));
        }
        entities.sort(Comparator.comparingDouble(Entity::salience).reversed().thenComparing(Entity::name));
        return entities;
    }

    /**
     * The fullest form used, preferring the body's spelling to a headline's and mixed case to capitals; a place the
     * article names only in its dateline's capitals is written in title case ("KESTREL BAY" → "Kestrel Bay").
     */
    private static String canonicalName(Group g) {
        List<NameSpan> spans = new ArrayList<>(g.spans);
        spans.sort(Comparator.comparing(NameSpan::field).thenComparingInt(NameSpan::start));
        String name = fullestForm(spans);
        return g.inDateline && name.equals(name.toUpperCase(Locale.ROOT)) ? DatelinePlace.titleCase(name) : name;
    }

    private static String fullestForm(List<NameSpan> spans) {
        return spans.stream()
                .max(Comparator.comparingInt((NameSpan s) -> s.tokenCount())
                        .thenComparing(s -> s.field() == ArticleField.BODY)
                        .thenComparing(s -> !s.text().equals(s.text().toUpperCase(Locale.ROOT)))
                        .thenComparingInt(s -> s.text().length()))
                .map(s -> s.text().replaceAll("\\s+", " "))
                .orElseThrow();
    }
}
