package news.wire.enrich.dates;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import news.wire.enrich.entities.ArticleField;

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
     * Three-letter openings of every word the rules spell out. A match can only start at a word whose opening is
     * here (or at a digit), which skips most words of an article without running any rule.
     */
    private final Set<String> openings = openings(rules);

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
            if (!startsWord(text, at) || !mayOpen(text, at)) {
                at++;
                continue;
            }
            int end = bestAt(matchers, reading, at, field, mentions);
            at = end > at ? end : at + 1;
        }
        return mentions;
    }

    /** Tries every rule at {@code at}, longest match first; adds the first that resolves and returns its end. */
    private int bestAt(Matcher[] matchers, Reading reading, int at, ArticleField field, List<DateMention> mentions) {
        int[] ends = new int[matchers.length];
        boolean any = false;
        for (int i = 0; i < matchers.length; i++) {
            Matcher m = matchers[i].region(at, reading.text.length());
            ends[i] = m.lookingAt() ? m.end() : -1;
            any |= ends[i] > at;
        }
        while (any) {
            int best = -1;
            for (int i = 0; i < ends.length; i++) {
                if (ends[i] > at && (best < 0 || ends[i] > ends[best])) {
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            Timex timex = rules.get(best).resolution().resolve(matchers[best], reading);
            if (timex != null) {
                mentions.add(mention(field, reading.text, at, ends[best], timex));
                return ends[best];
            }
            ends[best] = -1;
        }
        return at;
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

    private boolean mayOpen(String text, int at) {
        char c = text.charAt(at);
        if (!Character.isLetter(c)) {
            return true;
        }
        int end = at;
        while (end < text.length() && end - at < 3 && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return openings.contains(text.substring(at, end).toLowerCase(Locale.ROOT));
    }

    private static Set<String> openings(List<Rule> rules) {
        Set<String> openings = new HashSet<>();
        for (Rule rule : rules) {
            Matcher words = WORD.matcher(rule.pattern().pattern());
            while (words.find()) {
                String word = words.group().toLowerCase(Locale.ROOT);
                openings.add(word.substring(0, Math.min(3, word.length())));
            }
        }
        return openings;
    }
}
