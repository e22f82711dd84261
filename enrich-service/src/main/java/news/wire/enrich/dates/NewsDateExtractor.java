package news.wire.enrich.dates;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import news.wire.enrich.copy.ArticleField;

/**
 * Rule-based date extractor for news copy: finds dates, times, durations and recurrences and resolves them to
 * TIMEX3 values against the publication time, scanning left to right and keeping the longest reading at each place.
 */
@ApplicationScoped
public class NewsDateExtractor implements DateExtractor {

    private static final Pattern WORD = Pattern.compile("[A-Za-z]+");

    private final TimexResolver resolver = new TimexResolver();
    private final List<Rule> rules = ExpressionRules.all(resolver);
    /**
     * For each three-letter word opening, the rules that spell out a word starting so. A rule can only match at a
     * word whose opening it spells (or at a digit), so most words of an article run no rule at all.
     */
    private final int[][] rulesByOpening = rulesByOpening(rules);
    /** The rules that can match at a digit or an apostrophe ("'90s"): most cannot, and numbers are common. */
    private final int[] figureRules = figureRules(rules);

    @Override
    public String engine() {
        return "news-dates/1";
    }

    @Override
    public List<DateMention> extract(ArticleField field, String text, ZonedDateTime published) {
        List<DateMention> mentions = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return mentions;
        }
        Reading reading = new Reading(text, published);
        int from = 0;
        Optional<Dateline.DatedSpan> dateline = Dateline.find(text, reading.today);
        if (dateline.isPresent()) {
            Dateline.DatedSpan span = dateline.get();
            mentions.add(mention(field, text, span.start(), span.end(), span.timex()));
            from = span.end();
        }
        Matcher[] matchers = new Matcher[rules.size()];
        for (int i = 0; i < matchers.length; i++) {
            matchers[i] = rules.get(i).pattern().matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        }
        int length = text.length();
        int at = from;
        while (at < length) {
            int[] candidates = startsWord(text, at) ? candidates(text, at) : null;
            if (candidates == null || candidates.length == 0) {
                at++;
                continue;
            }
            int end = bestAt(matchers, candidates, reading, at, field, mentions);
            at = end > at ? end : at + 1;
        }
        return mentions;
    }

    /** Tries every rule at {@code at}, longest match first; adds the first that resolves and returns its end. */
    private int bestAt(Matcher[] matchers, int[] candidates, Reading reading, int at, ArticleField field,
            List<DateMention> mentions) {
        int[] ends = new int[matchers.length];
        Arrays.fill(ends, -1);
        for (int i : candidates) {
            Matcher m = matchers[i].region(at, reading.text.length());
            ends[i] = m.lookingAt() ? m.end() : -1;
        }
        while (true) {
            int best = -1;
            for (int i = 0; i < ends.length; i++) {
                if (ends[i] > at && (best < 0 || ends[i] > ends[best])) {
                    best = i;
                }
            }
            if (best < 0) {
                return at;
            }
            Timex timex = resolve(best, matchers[best], reading);
            if (timex != null) {
                mentions.add(mention(field, reading.text, at, ends[best], timex));
                return ends[best];
            }
            ends[best] = -1;
        }
    }

    /**
     * An expression whose value lies outside the calendar java.time can count ("99999999999 years ago", "in the year
     * 999999999") is left untagged: otherwise it would fail the whole article, and the stream would dead-letter it.
     */
    private Timex resolve(int rule, Matcher matcher, Reading reading) {
        try {
            return rules.get(rule).resolution().resolve(matcher, reading);
        } catch (java.time.DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    private static DateMention mention(ArticleField field, String text, int start, int end, Timex timex) {
        return new DateMention(timex.type(), timex.value(), timex.mod(), field, start, end, text.substring(start, end));
    }

    private static boolean startsWord(String text, int at) {
        char c = text.charAt(at);
        boolean opens = Character.isLetterOrDigit(c)
                || ((c == '\'' || c == '’') && at + 1 < text.length() && Character.isDigit(text.charAt(at + 1)));
        return opens && (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)));
    }

    private int[] candidates(String text, int at) {
        int key = openingKey(text, at);
        return key < 0 ? figureRules : rulesByOpening[key];
    }

    /** The word's first three letters as a number, or -1 when it does not start with a letter a-z. */
    private static int openingKey(CharSequence text, int at) {
        int key = 0;
        int letters = 0;
        for (int i = at; i < text.length() && letters < 3; i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if (c < 'a' || c > 'z') {
                if (letters == 0) {
                    return -1;
                }
                break;
            }
            key = key * 27 + (c - 'a' + 1);
            letters++;
        }
        return key;
    }

    /**
     * A rule that fails on a lone figure without needing more text ({@code hitEnd} false) can never start at one.
     * Non-letter openings other than figures and apostrophes never reach here.
     */
    private static int[] figureRules(List<Rule> rules) {
        return IntStream.range(0, rules.size())
                .filter(r -> Stream.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "'", "’")
                        .map(rules.get(r).pattern()::matcher).anyMatch(probe -> probe.lookingAt() || probe.hitEnd()))
                .toArray();
    }

    private static int[][] rulesByOpening(List<Rule> rules) {
        Map<Integer, Set<Integer>> byKey = new HashMap<>();
        for (int r = 0; r < rules.size(); r++) {
            Matcher words = WORD.matcher(rules.get(r).pattern().pattern());
            while (words.find()) {
                byKey.computeIfAbsent(openingKey(words.group(), 0), key -> new TreeSet<>()).add(r);
            }
        }
        int[][] table = new int[27 * 27 * 27][];
        for (int i = 0; i < table.length; i++) {
            table[i] = byKey.getOrDefault(i, Set.of()).stream().mapToInt(Integer::intValue).toArray();
        }
        return table;
    }
}
