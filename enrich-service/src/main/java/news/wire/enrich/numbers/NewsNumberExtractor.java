package news.wire.enrich.numbers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import news.wire.enrich.copy.ArticleField;
import news.wire.enrich.numbers.Qualifiers.Hedge;
import news.wire.enrich.numbers.SpelledNumbers.Form;

/** Rule-based figures in news copy, read the way a sub-editor would; the rules it follows are in package-info. */
@ApplicationScoped
public class NewsNumberExtractor implements NumberExtractor {

    static final String ENGINE = "news-numbers/1";

    /** Before "one", these make it a pronoun: "no one", "the one", "every one of them". */
    private static final Set<String> PRONOUN_ONE = Set.of("no", "any", "every", "each", "the", "this", "that",
            "which", "some", "someone", "anyone", "no-one");

    /** A figure read at a position; a null value means the numeral was a date, time or label and is skipped. */
    private record Figure(BigDecimal value, int start, int next, Form form, boolean scaled, BigDecimal scale,
                          boolean numeral, boolean yearShape) {

        static Figure skipTo(int next) {
            return new Figure(null, -1, next, null, false, BigDecimal.ONE, false, false);
        }

        boolean skipped() {
            return value == null;
        }

        boolean singular() {
            return form == Form.FRACTION || value.abs().compareTo(BigDecimal.ONE) <= 0;
        }

        Figure scaledBy(BigDecimal factor) {
            return new Figure(value.multiply(factor), start, next, form, true, factor, numeral, false);
        }
    }

    /** What a figure measures when it is not a plain count, and the token after the words that say so. */
    /** Verbs of rising and falling, after which "N to M" is a change and a level rather than a range. */
    private static final Set<String> CHANGE_VERBS = Set.of("rose", "rise", "rises", "risen", "fell", "fall", "falls",
            "fallen", "gained", "gains", "lost", "loses", "added", "adds", "dropped", "drops", "slipped", "slips",
            "climbed", "climbs", "jumped", "jumps", "declined", "declines", "increased", "increases", "decreased",
            "decreases", "eased", "eases", "edged", "slid", "slides", "surged", "surges", "plunged", "plunges",
            "shed", "sheds", "grew", "grows", "shrank", "shrinks", "soared", "soars", "tumbled", "tumbles", "up",
            "down");

    private record Measure(NumberKind kind, String currency, String unit, BigDecimal factor, int next) {

        /** What a figure with no measure is: a plain count, or a rank. */
        static final Measure COUNT = new Measure(NumberKind.CARDINAL, null, null, BigDecimal.ONE, -1);
        static final Measure RANK = new Measure(NumberKind.ORDINAL, null, null, BigDecimal.ONE, -1);

        static Measure money(String currency, int next) {
            return new Measure(NumberKind.MONEY, currency, null, BigDecimal.ONE, next);
        }

        static Measure quantity(String unit, int next) {
            return new Measure(NumberKind.QUANTITY, null, unit, BigDecimal.ONE, next);
        }

        /** A price for some amount: "$82 a barrel" is USD per barrel. */
        Measure per(String denominator, int after) {
            return new Measure(kind, currency, "per " + denominator, factor, after);
        }

        boolean sameAs(Measure other) {
            return kind == other.kind && Objects.equals(currency, other.currency) && Objects.equals(unit, other.unit);
        }
    }

    @Override
    public String engine() {
        return ENGINE;
    }

    @Override
    public List<NumberMention> extract(ArticleField field, String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        CopyTokens tokens = CopyTokens.of(text);
        List<NumberMention> found = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            i = Math.max(read(tokens, i, field, found), i + 1);
        }
        return found;
    }

    /** Reads the mention that may start at token i into {@code found}; returns the token to go on from. */
    private int read(CopyTokens tokens, int i, ArticleField field, List<NumberMention> found) {
        PhraseTable.Match<Hedge> hedge = Qualifiers.before(tokens, i);
        boolean between = hedge != null && hedge.value().between();
        Qualifier hedged = hedge == null || between ? null : hedge.value().qualifier();
        int at = hedge == null ? i : hedge.next();
        PhraseTable.Match<String> money = Currencies.before(tokens, at);
        int figureAt = money == null ? at : money.next();
        boolean body = field != ArticleField.HEADLINE;
        Figure first = figure(tokens, figureAt, money != null, hedged != null);
        if (first == null) {
            return i;
        }
        if (first.skipped()) {
            return first.next();
        }
        if (first.form() == Form.ORDINAL) {
            if (money != null) {
                return i;
            }
            found.add(mention(tokens, field, first, Measure.RANK, Qualifier.EXACT, null, figureAt, first.next()));
            return first.next();
        }
        Measure firstMeasure = money != null ? Measure.money(money.value(), first.next()) : measure(tokens, first);
        if (firstMeasure != null && firstMeasure.kind() == NumberKind.MONEY) {
            PhraseTable.Match<String> rate = Units.rate(tokens, firstMeasure.next());
            firstMeasure = rate == null ? firstMeasure : firstMeasure.per(rate.value(), rate.next());
        }
        // "a magnitude 6.8 earthquake": the scale is named before the figure.
        if (firstMeasure == null && money == null && tokens.is(figureAt - 1, "magnitude")) {
            firstMeasure = Measure.quantity("magnitude", first.next());
        }
        int age = firstMeasure == null && first.numeral() ? Ages.end(tokens, figureAt, first.next()) : -1;
        if (age >= 0) {
            found.add(mention(tokens, field, first, Measure.quantity(Ages.UNIT, age), hedged == null
                    ? Qualifier.EXACT : hedged, Ages.COUNTED, hedge != null ? i : figureAt, age));
            return age;
        }
        int afterFirst = firstMeasure == null ? first.next() : firstMeasure.next();
        // Letters running on from a numeral make a name: "5G", "3D", "4x4".
        if (firstMeasure == null && first.numeral() && tokens.attached(afterFirst) && tokens.isWord(afterFirst)) {
            return afterFirst + 1;
        }
        int start = hedge != null ? i : money != null ? at : figureAt;

        int link = rangeLink(tokens, afterFirst, between, start, firstMeasure != null);
        if (link > 0) {
            PhraseTable.Match<String> secondMoney = Currencies.before(tokens, link);
            int secondAt = secondMoney == null ? link : secondMoney.next();
            Figure second = figure(tokens, secondAt, secondMoney != null || money != null, true);
            if (second != null && second.skipped()) {
                // "7-9 October", "between 10 and 11 a.m.": the first end belongs to the same date or time.
                return second.next();
            }
            if (second != null && second.form() != Form.ORDINAL) {
                Measure secondMeasure = secondMoney != null ? Measure.money(secondMoney.value(), second.next())
                        : measure(tokens, second);
                if (secondMeasure == null && money != null) {
                    secondMeasure = Measure.money(money.value(), second.next());
                }
                Figure low = first;
                // "between 10 and 20 million": the scale written once applies to both ends.
                if (!first.scaled() && second.scaled()
                        && first.value().multiply(second.scale()).compareTo(second.value()) < 0) {
                    low = first.scaledBy(second.scale());
                }
                boolean agree = firstMeasure == null || secondMeasure == null || firstMeasure.sameAs(secondMeasure);
                if (agree && low.value().compareTo(second.value()) < 0) {
                    return readRange(tokens, field, found, hedged, start, low, firstMeasure, afterFirst, link,
                            second, secondMeasure);
                }
            }
        }

        PhraseTable.Match<Qualifier> after = Qualifiers.after(tokens, afterFirst);
        int end = after == null ? afterFirst : after.next();
        Qualifier qualifier = hedged != null ? hedged
                : after != null ? after.value()
                : first.form() == Form.VAGUE ? Qualifier.AT_LEAST : Qualifier.EXACT;
        if (between) {
            start = money != null ? at : figureAt;
        }
        String counted = firstMeasure == null
                ? CountedNoun.after(tokens, end, first.singular(), first.form() == Form.FRACTION, first.scaled()) : null;
        if (first.yearShape() && firstMeasure == null) {
            boolean count = (hedged != null && !hedge.value().temporal()) || after != null
                    || (counted != null && !DatesAndTimes.yearCue(tokens, figureAt - 1));
            if (!count) {
                return first.next();
            }
        }
        // "Critters 3", "BBC One", "with Five": a name that ends in a number.
        if (body && hedge == null && money == null && firstMeasure == null && Labels.afterName(tokens, figureAt)
                && (counted == null || (!first.numeral() && tokens.capitalised(figureAt)))) {
            return first.next();
        }
        if (body && hedge == null && !first.numeral() && tokens.capitalised(figureAt) && tokens.isWord(figureAt - 1)) {
            return first.next();
        }
        if (!first.numeral() && hedged == null && firstMeasure == null && tokens.is(figureAt, "one")
                && first.next() == figureAt + 1
                && (counted == null || PRONOUN_ONE.contains(tokens.key(figureAt - 1)) || tokens.is(figureAt + 1, "-"))) {
            return first.next();
        }
        found.add(mention(tokens, field, first, firstMeasure, qualifier, counted, start, end));
        return end;
    }

    private int readRange(CopyTokens tokens, ArticleField field, List<NumberMention> found, Qualifier hedged,
                          int start, Figure low, Measure lowMeasure, int lowEnd, int link, Figure high,
                          Measure highMeasure) {
        int highEnd = highMeasure == null ? high.next() : highMeasure.next();
        Measure lowShared = lowMeasure != null ? lowMeasure : highMeasure;
        Measure highShared = highMeasure != null ? highMeasure : lowMeasure;
        // "$75-80 a barrel": the price is for a barrel at both ends.
        PhraseTable.Match<String> rate = highShared != null && highShared.kind() == NumberKind.MONEY
                && highShared.unit() == null ? Units.rate(tokens, highEnd) : null;
        if (rate != null) {
            lowShared = lowShared.per(rate.value(), rate.next());
            highShared = highShared.per(rate.value(), rate.next());
            highEnd = rate.next();
        }
        boolean ages = highShared == null && Ages.before(tokens, start);
        if (ages) {
            lowShared = Measure.quantity(Ages.UNIT, highEnd);
            highShared = lowShared;
        }
        PhraseTable.Match<Qualifier> after = Qualifiers.after(tokens, highEnd);
        int end = after == null ? highEnd : after.next();
        String counted = ages ? Ages.COUNTED
                : highShared == null ? CountedNoun.after(tokens, end, false, false, high.scaled()) : null;
        if (low.yearShape() && high.yearShape() && highShared == null && counted == null) {
            return end;
        }
        found.add(mention(tokens, field, low, lowShared, hedged != null ? hedged : Qualifier.AT_LEAST, counted, start,
                lowEnd));
        found.add(mention(tokens, field, high, highShared, hedged != null ? hedged : Qualifier.AT_MOST, counted, link,
                end));
        return end;
    }

    /**
     * The token after the word joining two ends of a range ("and" after "between", a dash between numerals,
     * "to"), or -1. "from 10 to 20" is a change, not a range.
     */
    private static int rangeLink(CopyTokens tokens, int j, boolean between, int start, boolean measured) {
        if (between) {
            return tokens.is(j, "and") ? j + 1 : -1;
        }
        if (tokens.is(j, "-") && tokens.attached(j) && tokens.attached(j + 1)) {
            return j + 1;
        }
        if (tokens.is(j, "–")) {
            return j + 1;
        }
        // "fell 40 points to 7,500": after a verb of change, a measured figure is the change and the next the level
        // ("rose 5 to 8 percent" stays a range).
        boolean changeThenLevel = measured && CHANGE_VERBS.contains(tokens.key(start - 1));
        if (tokens.is(j, "to") && !tokens.is(start - 1, "from") && !changeThenLevel) {
            return j + 1;
        }
        return -1;
    }

    private Figure figure(CopyTokens tokens, int k, boolean money, boolean hedged) {
        int start = k;
        boolean negative = false;
        if ((tokens.is(k, "-") || tokens.is(k, "−")) && !tokens.attached(k) && tokens.isNumeral(k + 1)
                && tokens.attached(k + 1)) {
            negative = true;
            k++;
        } else if (tokens.is(k, "minus") && tokens.isNumeral(k + 1)) {
            negative = true;
            k++;
        }
        if (tokens.isNumeral(k)) {
            return numeral(tokens, start, k, negative, money);
        }
        if (negative) {
            return null;
        }
        SpelledNumbers.Reading reading = SpelledNumbers.read(tokens, k, hedged);
        if (reading == null) {
            return null;
        }
        // "at number three", "an all-in-one player": part of a name or a compound, not a figure.
        if (tokens.is(k - 1, "number") || (tokens.attached(k) && tokens.is(k - 1, "-"))) {
            return Figure.skipTo(reading.next());
        }
        if (reading.form() == Form.ORDINAL && reading.value().intValue() <= 31
                && DatesAndTimes.dayOfMonth(tokens, k, reading.next()) > 0) {
            return Figure.skipTo(reading.next());
        }
        return new Figure(reading.value(), start, reading.next(), reading.form(), reading.scaled(), BigDecimal.ONE,
                false, false);
    }

    private Figure numeral(CopyTokens tokens, int start, int k, boolean negative, boolean money) {
        int skip = DatesAndTimes.skip(tokens, k);
        if (skip < 0 && !money) {
            skip = Labels.skip(tokens, k);
        }
        if (skip > 0) {
            return Figure.skipTo(skip);
        }
        String raw = tokens.raw(k);
        BigDecimal value = new BigDecimal(raw.replace(",", ""));
        int j = k + 1;
        if (tokens.ordinalSuffix(j) && raw.indexOf('.') < 0) {
            return new Figure(value, start, j + 1, Form.ORDINAL, false, BigDecimal.ONE, true, false);
        }
        PhraseTable.Match<Long> scale = Scales.after(tokens, j, money);
        BigDecimal factor = BigDecimal.ONE;
        if (scale != null) {
            factor = BigDecimal.valueOf(scale.value());
            value = value.multiply(factor);
            j = scale.next();
        }
        boolean yearShape = !negative && scale == null && DatesAndTimes.isYearShape(raw);
        return new Figure(negative ? value.negate() : value, start, j, Form.CARDINAL, scale != null, factor, true,
                yearShape);
    }

    private Measure measure(CopyTokens tokens, Figure figure) {
        int j = figure.next();
        Measure measure = measureAt(tokens, j, figure.scaled());
        if (measure != null) {
            return measure;
        }
        // "half a mile", "a quarter of a percentage point".
        if (figure.form() == Form.FRACTION) {
            int k = tokens.is(j, "of") ? j + 1 : j;
            return tokens.is(k, "a") || tokens.is(k, "an") ? measureAt(tokens, k + 1, false) : null;
        }
        // "millions of dollars", "thousands of tonnes".
        if ((figure.scaled() || figure.form() == Form.VAGUE) && tokens.is(j, "of")) {
            return measureAt(tokens, j + 1, true);
        }
        // "a 30-mile stretch", "a 100-metre wall".
        if (figure.numeral() && tokens.is(j, "-") && tokens.attached(j) && tokens.attached(j + 1)) {
            PhraseTable.Match<String> unit = Units.measure(tokens, j + 1);
            return unit == null ? null : Measure.quantity(unit.value(), unit.next());
        }
        return null;
    }

    private static Measure measureAt(CopyTokens tokens, int j, boolean scaled) {
        PhraseTable.Match<String> share = Units.share(tokens, j);
        if (share != null) {
            String unit = share.value().equals(Units.PERCENT) ? null : share.value();
            return new Measure(NumberKind.PERCENT, null, unit, BigDecimal.ONE, share.next());
        }
        PhraseTable.Match<Currencies.Money> money = Currencies.after(tokens, j, scaled);
        if (money != null) {
            return new Measure(NumberKind.MONEY, money.value().code(), null, money.value().factor(), money.next());
        }
        PhraseTable.Match<String> unit = Units.measure(tokens, j);
        return unit == null ? null : Measure.quantity(unit.value(), unit.next());
    }

    /**
     * The figure as measured (a plain count when {@code measure} is null); spelled figures are rounded to three
     * decimals, so "two-thirds" reads 0.667.
     */
    private static NumberMention mention(CopyTokens tokens, ArticleField field, Figure figure, Measure measure,
                                         Qualifier qualifier, String counted, int from, int to) {
        int start = tokens.start(from);
        int end = tokens.end(to - 1);
        Measure as = measure == null ? Measure.COUNT : measure;
        BigDecimal value = figure.value().multiply(as.factor());
        BigDecimal shown = !figure.numeral() && value.scale() > 3 ? value.setScale(3, RoundingMode.HALF_UP) : value;
        return new NumberMention(shown.doubleValue(), as.kind(), qualifier, as.currency(), as.unit(), counted, field,
                start, end, tokens.text().substring(start, end));
    }
}
