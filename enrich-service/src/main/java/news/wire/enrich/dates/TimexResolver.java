package news.wire.enrich.dates;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Matcher;

import news.wire.enrich.copy.MonthNames;

/**
 * Turns a recognised expression into a TIMEX3 value, read as a journalist writes: against the publication day,
 * looking back unless the sentence looks ahead ({@link TenseCue}).
 */
final class TimexResolver {

    /** Words before a bare "May" that make it the month rather than the verb or the surname. */
    private static final Set<String> MAY_CUES = Set.of("in", "on", "since", "until", "till", "by", "from", "through",
            "during", "of", "between", "and", "to", "before", "after", "early", "late", "mid", "last", "next",
            "this", "end", "beginning", "middle");
    /** Words before a date that make it a deadline or a start still to come: "payable Dec. 7", "until March". */
    private static final Set<String> DEADLINE_CUES = Set.of("by", "until", "till", "through", "before", "payable",
            "due", "expires", "expire", "effective", "effect", "starting", "record");
    private static final Set<String> FULL_SHORT_MONTHS = Set.of("may", "june", "july");

    // ---- calendar dates ----

    Timex isoDate(Matcher m, Reading r) {
        LocalDate date = date(Integer.parseInt(m.group("y")), Integer.parseInt(m.group("mo")),
                Integer.parseInt(m.group("d")));
        if (date == null) {
            return null;
        }
        if (m.group("h") != null) {
            return new Timex(TimexType.TIME, TimexValues.minute(date.atTime(Integer.parseInt(m.group("h")),
                    Integer.parseInt(m.group("mi")))), null);
        }
        return Timex.date(TimexValues.day(date));
    }

    Timex monthDay(Matcher m, Reading r) {
        MonthDay day = dayOfYear(m);
        String year = m.group("year");
        LocalDate date = null;
        if (day != null && year != null) {
            date = date(Integer.parseInt(year), day.getMonthValue(), day.getDayOfMonth());
        } else if (day != null) {
            String weekday = group(m, "wd");
            date = weekday != null ? namedWeekday(day, CalendarWords.weekday(weekday), r) : null;
            if (date == null) {
                date = nearest(day::atYear, r, direction(group(m, "rel"), m, r));
            }
        }
        return date == null ? null : Timex.date(TimexValues.day(date)).withMod(amountMod(group(m, "mod")));
    }

    Timex monthYear(Matcher m, Reading r) {
        int month = MonthNames.number(m.group("mon"));
        int year = m.group("year") != null ? Integer.parseInt(m.group("year"))
                : m.group("century") != null ? spoken(m) : r.today.getYear() + relativeStep(m.group("rel"));
        return Timex.date(TimexValues.year(year) + String.format("-%02d", month)).withMod(positionMod(m.group("pos")));
    }

    Timex month(Matcher m, Reading r) {
        String word = m.group("mon");
        String rel = m.group("rel");
        boolean abbreviated = word.length() <= 4 && !FULL_SHORT_MONTHS.contains(word.toLowerCase(Locale.ROOT));
        if (abbreviated || word.endsWith(".")) {
            return null;
        }
        if (word.equalsIgnoreCase("may") && rel == null && m.group("pos") == null
                && !MAY_CUES.contains(r.wordBefore(m.start()))) {
            return null;
        }
        String before = r.wordBefore(m.start());
        if (word.equals("March") && rel == null && (before.equals("the") || before.equals("annual")
                || r.text.startsWith(" for ", m.end()) || r.text.startsWith(" of the ", m.end()))) {
            return null;
        }
        int month = MonthNames.number(word);
        int current = r.today.getMonthValue();
        int year = r.today.getYear();
        int direction = direction(rel, m, r);
        if (rel != null && rel.equalsIgnoreCase("this")) {
            direction = 0;
        }
        if (direction < 0 && (month > current || (month == current && isStrict(rel)))) {
            year--;
        } else if (direction > 0 && (month < current || (month == current && isStrict(rel)))) {
            year++;
        }
        return Timex.date(TimexValues.year(year) + String.format("-%02d", month)).withMod(positionMod(m.group("pos")));
    }

    Timex year(Matcher m, Reading r) {
        char before = r.charBefore(m.start());
        if (before == '$' || before == '£' || before == '€' || before == '#' || before == '.'
                || Character.isDigit(before)) {
            return null;
        }
        return Timex.date(m.group("year")).withMod(positionMod(m.group("pos")));
    }

    Timex spokenYear(Matcher m, Reading r) {
        if (m.group("century") == null) {
            return Timex.date("2000");
        }
        return Timex.date(TimexValues.year(spoken(m)));
    }

    private static int spoken(Matcher m) {
        int century = m.group("century").equalsIgnoreCase("nineteen") ? 19 : 20;
        return century * 100 + (int) NumberWords.value(m.group("rest"));
    }

    Timex decade(Matcher m, Reading r) {
        String value;
        String pos;
        if (m.group("word") != null) {
            int tens = (int) NumberWords.value(m.group("word").toLowerCase(Locale.ROOT).replaceAll("ies$", "y")) / 10;
            value = "19" + tens;
            pos = m.group("wpos");
        } else {
            value = m.group("cent") != null ? m.group("cent") + m.group("dec") : "19" + m.group("short");
            pos = m.group("pos");
        }
        return Timex.date(value).withMod(positionMod(pos));
    }

    Timex century(Matcher m, Reading r) {
        int ordinal;
        if (m.group("num") != null) {
            ordinal = Integer.parseInt(m.group("num"));
        } else {
            String word = m.group("word").toLowerCase(Locale.ROOT);
            ordinal = word.equals("nineteenth") ? 19 : word.equals("twentieth") ? 20 : 21;
        }
        return Timex.date(String.format("%02d", ordinal - 1));
    }

    // ---- quarters and halves, as earnings copy writes them ----

    Timex quarter(Matcher m, Reading r) {
        String ord = m.group("ord").toLowerCase(Locale.ROOT);
        boolean half = m.group("part").equalsIgnoreCase("half");
        int number = switch (ord.charAt(0)) {
            case 's', '2' -> 2;
            case 't', '3' -> 3;
            case '4' -> 4;
            case 'f' -> ord.startsWith("fi") && !ord.equals("final") ? 1 : 4;
            default -> 1;
        };
        if (half && number > 2) {
            if (!ord.equals("final")) {
                return null;
            }
            number = 2;
        }
        String explicit = m.group("ofyear") != null ? m.group("ofyear") : m.group("qyear");
        int year;
        if (explicit != null) {
            year = Integer.parseInt(explicit);
        } else if (m.group("yrel") != null) {
            year = r.today.getYear() + relativeStep(m.group("yrel"));
        } else {
            int current = half ? (r.today.getMonthValue() + 5) / 6 : r.today.get(IsoFields.QUARTER_OF_YEAR);
            year = r.today.getYear();
            String det = m.group("det");
            if ("last".equalsIgnoreCase(det)) {
                year--;
            } else if ("next".equalsIgnoreCase(det)) {
                year += number <= current ? 1 : 0;
            } else if (number > current && !r.future(m.start(), m.end())) {
                year--;
            }
        }
        if (explicit == null && m.group("ago") != null) {
            year--;
        }
        return Timex.date(TimexValues.year(year) + (half ? "-H" : "-Q") + number);
    }

    Timex theWeekend(Matcher m, Reading r) {
        return Timex.date(TimexValues.week(weekend(r.today, 0, m, r)) + "-WE");
    }

    /** Earnings copy: "for the full year" is this year; "the year ended June 30" a twelve-month span. */
    Timex theYear(Matcher m, Reading r) {
        if (m.group("ended") != null) {
            return new Timex(TimexType.DURATION, "P1Y", null);
        }
        return Timex.date(TimexValues.year(r.today.getYear()));
    }

    Timex yearEnd(Matcher m, Reading r) {
        String unit = m.group("unit") == null ? "year" : m.group("unit").toLowerCase(Locale.ROOT);
        String mod = m.group("approx") != null ? "APPROX" : "END";
        return switch (unit) {
            case "month" -> Timex.date(TimexValues.month(r.today)).withMod(mod);
            case "week" -> Timex.date(TimexValues.week(r.today)).withMod(mod);
            default -> Timex.date(TimexValues.year(r.today.getYear())).withMod(mod);
        };
    }

    /** "the quarter", "the latest quarter", "the year-ago quarter": earnings copy reports the quarter just ended. */
    Timex namedQuarter(Matcher m, Reading r) {
        String det = m.group("det").toLowerCase(Locale.ROOT);
        String adj = m.group("adj").toLowerCase(Locale.ROOT);
        if (m.group("noun").equalsIgnoreCase("period") && (adj.isEmpty() || !r.aboutQuarters(m.start(), m.end()))) {
            return null;
        }
        LocalDate lastEnded = r.today.minusMonths(3);
        LocalDate quarter;
        if (det.equals("this") || adj.contains("current")) {
            quarter = r.today;
        } else if (det.equals("next")) {
            quarter = r.today.plusMonths(3);
        } else {
            quarter = lastEnded;
        }
        if (adj.contains("year-") || det.startsWith("last year") || m.group("yearBack") != null) {
            quarter = quarter.minusYears(1);
        }
        if (m.group("qyear") != null) {
            quarter = quarter.withYear(Integer.parseInt(m.group("qyear")));
        }
        return Timex.date(TimexValues.quarter(quarter));
    }

    Timex yearAgo(Matcher m, Reading r) {
        return Timex.date(r.aboutQuarters(m.start(), m.end()) ? TimexValues.quarter(r.today.minusMonths(15))
                : TimexValues.year(r.today.getYear() - 1));
    }

    // ---- periods named relative to the story ----

    Timex relativePeriod(Matcher m, Reading r) {
        String rel = m.group("rel").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        String unitWord = m.group("unit").toLowerCase(Locale.ROOT);
        int step = relativeStep(rel);
        String mod = positionMod(m.group("pos"));
        LocalDate today = r.today;
        return switch (unitWord) {
            case "week" -> Timex.date(TimexValues.week(today.plusWeeks(step))).withMod(mod);
            case "weekend" -> Timex.date(TimexValues.week(weekend(today, step, m, r)) + "-WE").withMod(mod);
            case "month" -> Timex.date(TimexValues.month(today.plusMonths(step))).withMod(mod);
            case "year" -> Timex.date(TimexValues.year(today.getYear() + step)).withMod(mod);
            case "decade" -> Timex.date(Integer.toString(today.getYear() / 10 + step)).withMod(mod);
            case "century" -> Timex.date(Integer.toString(today.getYear() / 100 + step)).withMod(mod);
            default -> Timex.date(TimexValues.year(today.getYear() + step) + "-" + CalendarWords.season(unitWord))
                    .withMod(mod);
        };
    }

    Timex season(Matcher m, Reading r) {
        String pos = m.group("pos");
        String before = r.wordBefore(m.start());
        boolean framed = m.group("the") != null || pos != null || m.group("year") != null || m.group("century") != null
                || before.equals("in") || before.equals("during") || before.equals("since") || before.equals("until");
        if (!framed || (m.group("season").equalsIgnoreCase("fall") && m.group("the") == null && pos == null
                && m.group("year") == null)) {
            return null;
        }
        int year = m.group("year") != null ? Integer.parseInt(m.group("year"))
                : m.group("century") != null ? spoken(m) : r.today.getYear();
        return Timex.date(TimexValues.year(year) + "-" + CalendarWords.season(m.group("season")))
                .withMod(positionMod(pos));
    }

    Timex weekday(Matcher m, Reading r) {
        DayOfWeek day = CalendarWords.weekday(m.group("wd"));
        String pod = m.group("pod");
        if (m.group("plural") != null || (pod != null && pod.toLowerCase(Locale.ROOT).endsWith("s"))) {
            String suffix = pod == null ? "" : "T" + CalendarWords.partOfDay(pod.replaceAll("(?i)s$", ""));
            return new Timex(TimexType.SET, "XXXX-WXX-" + day.getValue() + suffix, null);
        }
        LocalDate date = weekdayDate(day, m.group("rel"), m, r);
        return Timex.date(TimexValues.day(date)).withMod(positionMod(m.group("pos")));
    }

    Timex deicticDay(Matcher m, Reading r) {
        String word = m.group("dd").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (word.equals("today") && (r.text.startsWith("'s", m.end()) || r.text.startsWith("’s", m.end()))) {
            return null;
        }
        LocalDate date = switch (word) {
            case "yesterday" -> r.today.minusDays(1);
            case "tomorrow" -> r.today.plusDays(1);
            case "the day before yesterday" -> r.today.minusDays(2);
            case "the day after tomorrow" -> r.today.plusDays(2);
            default -> r.today;
        };
        String pod = word.equals("tonight") ? "night" : m.group("pod");
        String mod = positionMod(m.group("pos"));
        if (pod != null) {
            return new Timex(TimexType.TIME, TimexValues.day(date) + "T" + CalendarWords.partOfDay(pod), mod);
        }
        return Timex.date(TimexValues.day(date)).withMod(mod);
    }

    Timex partOfDay(Matcher m, Reading r) {
        String rel = m.group("prel").toLowerCase(Locale.ROOT);
        String pod = m.group("pod");
        LocalDate date = switch (rel) {
            case "last", "yesterday" -> r.today.minusDays(1);
            case "tomorrow" -> r.today.plusDays(1);
            default -> r.today;
        };
        if (rel.equals("last") && !pod.equalsIgnoreCase("night")) {
            return null;
        }
        return new Timex(TimexType.TIME, TimexValues.day(date) + "T" + CalendarWords.partOfDay(pod),
                positionMod(m.group("pos")));
    }

    /** TimeML's vague references: "now" is the present, "recently" the past, "the coming days" the future. */
    Timex reference(Matcher m, Reading r) {
        String ref = m.group("ref").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (ref.equals("now") && r.text.startsWith("-", m.end())) {
            return null;
        }
        if (ref.contains("coming") || ref.contains("future") || ref.equals("soon") || ref.endsWith("term")) {
            return Timex.date("FUTURE_REF");
        }
        if (ref.startsWith("recent ")) {
            PeriodUnit unit = PeriodUnit.of(ref.substring("recent ".length()));
            return new Timex(TimexType.DURATION, DurationValues.of(NumberWords.UNKNOWN, unit), null);
        }
        if (ref.contains("recent") || ref.equals("lately") || ref.contains("past") || ref.endsWith("ly")
                && !ref.equals("currently") && !ref.equals("presently")) {
            return Timex.date("PAST_REF");
        }
        return Timex.date("PRESENT_REF");
    }

    // ---- amounts of time and recurrences ----

    Timex counted(Matcher m, Reading r) {
        double count = NumberWords.value(m.group("count"));
        PeriodUnit unit = PeriodUnit.of(m.group("unit"));
        if (m.group("half") != null && !Double.isNaN(count)) {
            count += 0.5;
        }
        String countWord = m.group("count").toLowerCase(Locale.ROOT);
        if (unit == PeriodUnit.SECOND && countWord.startsWith("a")) {
            return null;
        }
        if ((countWord.equals("a") || countWord.equals("an")) && m.group("unit").toLowerCase(Locale.ROOT).endsWith("s")) {
            return null;
        }
        String tail = m.group("tail") == null ? "" : m.group("tail").replace('-', ' ').trim().toLowerCase(Locale.ROOT);
        String mod = amountMod(m.group("mod"));
        if (countWord.contains("couple") || tail.equals("or so")) {
            mod = "APPROX";
        }
        if (tail.equals("ago") || tail.equals("earlier") || (tail.equals("before") && !beforeAnEvent(m.end(), r))) {
            if (unit == PeriodUnit.YEAR && count == 1 && r.aboutQuarters(m.start(), m.end())) {
                return Timex.date(TimexValues.quarter(r.today.minusMonths(15))).withMod(mod);
            }
            return offset(-count, unit, r, mod);
        }
        if (tail.equals("from now")) {
            return offset(count, unit, r, mod);
        }
        if (r.wordBefore(m.start()).equals("in") && m.group("mod") == null && m.group("rel") == null
                && r.future(m.start(), m.end())) {
            return offset(count, unit, r, null);
        }
        return new Timex(TimexType.DURATION, DurationValues.of(count, unit), mod);
    }

    Timex bareUnits(Matcher m, Reading r) {
        if (m.group("ago") != null) {
            return Timex.date("PAST_REF");
        }
        String rel = m.group("rel") == null ? "" : m.group("rel").toLowerCase(Locale.ROOT);
        if (rel.isEmpty() || rel.equals("the")) {
            return null;
        }
        PeriodUnit unit = PeriodUnit.of(m.group("unit"));
        return new Timex(TimexType.DURATION, DurationValues.of(NumberWords.UNKNOWN, unit), null);
    }

    /** "a day-long meeting" lasts a day; "a decades-long feud" an unknown number of years. */
    Timex unitLong(Matcher m, Reading r) {
        String word = m.group("unit");
        boolean plural = word.toLowerCase(Locale.ROOT).endsWith("s");
        return new Timex(TimexType.DURATION, DurationValues.of(plural ? NumberWords.UNKNOWN : 1, PeriodUnit.of(word)),
                null);
    }

    Timex set(Matcher m, Reading r) {
        if (m.group("adverb") != null) {
            String value = switch (m.group("adverb").toLowerCase(Locale.ROOT)) {
                case "daily", "nightly" -> "P1D";
                case "weekly" -> "P1W";
                case "biweekly" -> "P2W";
                case "monthly" -> "P1M";
                case "quarterly" -> "P3M";
                case "hourly" -> "PT1H";
                case "semiannually" -> "P6M";
                default -> "P1Y";
            };
            return new Timex(TimexType.SET, value, null);
        }
        if (m.group("per") != null) {
            if (m.group("per").equalsIgnoreCase("a") && !afterAmount(m.start(), r)) {
                return null;
            }
            return new Timex(TimexType.SET, DurationValues.of(1, PeriodUnit.of(m.group("punit"))), null);
        }
        String what = m.group("what");
        String lower = what.toLowerCase(Locale.ROOT);
        if (what.matches(CalendarWords.WEEKDAY)) {
            return new Timex(TimexType.SET, "XXXX-WXX-" + CalendarWords.weekday(what).getValue(), null);
        }
        if (lower.matches(CalendarWords.PART_OF_DAY)) {
            return new Timex(TimexType.SET, "XXXX-XX-XXT" + CalendarWords.partOfDay(what), null);
        }
        if (lower.matches(CalendarWords.SEASON)) {
            return new Timex(TimexType.SET, "XXXX-" + CalendarWords.season(what), null);
        }
        if (Character.isUpperCase(what.charAt(0)) && !lower.matches("(second|minute|hour|day|week|month|quarter|year"
                + "|decade|centur|fortnight|millenni).*")) {
            return new Timex(TimexType.SET, String.format("XXXX-%02d", MonthNames.number(what)), null);
        }
        double count = m.group("count") == null ? 1 : NumberWords.value(m.group("count"));
        String value = DurationValues.of(m.group("every").equalsIgnoreCase("every") && m.group().toLowerCase(Locale.ROOT)
                .contains(" other ") ? 2 * Math.max(count, 1) : count, PeriodUnit.of(what));
        return new Timex(TimexType.SET, value, null);
    }

    // ---- clock times and holidays ----

    Timex clock(Matcher m, Reading r) {
        int hour;
        int minute = 0;
        if (m.group("named") != null) {
            hour = m.group("named").equalsIgnoreCase("midnight") ? 24 : 12;
        } else if (m.group("h24") != null) {
            hour = Integer.parseInt(m.group("h24"));
            minute = Integer.parseInt(m.group("mi24"));
        } else {
            hour = Integer.parseInt(m.group("h")) % 12;
            if (m.group("ap").equalsIgnoreCase("p")) {
                hour += 12;
            }
            minute = m.group("mi") == null ? 0 : Integer.parseInt(m.group("mi"));
        }
        LocalDate date = r.today;
        if (m.group("wd") != null) {
            date = weekdayDate(CalendarWords.weekday(m.group("wd")), null, m, r);
        } else if (m.group("dd") != null) {
            String dd = m.group("dd").toLowerCase(Locale.ROOT);
            date = dd.equals("yesterday") ? date.minusDays(1) : dd.equals("tomorrow") ? date.plusDays(1) : date;
        } else if (m.group("mon") != null) {
            MonthDay day = dayOfYear(m);
            if (day == null) {
                return null;
            }
            date = nearest(day::atYear, r, direction(null, m, r));
        }
        String value = hour == 24 ? TimexValues.day(date) + "T24:00"
                : TimexValues.minute(LocalDateTime.of(date, java.time.LocalTime.of(hour, minute)));
        String tmod = m.group("tmod") == null ? null : m.group("tmod").toLowerCase(Locale.ROOT);
        String mod = tmod == null ? null : tmod.endsWith("after") ? "AFTER" : tmod.endsWith("before") ? "BEFORE" : "APPROX";
        return new Timex(TimexType.TIME, value, mod);
    }

    Timex holiday(Matcher m, Reading r) {
        String name = m.group("holiday").toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("\\s+", " ");
        int direction = direction(m.group("rel"), m, r);
        LocalDate date;
        if (name.startsWith("thanksgiving") || name.startsWith("election")) {
            date = nearest(year -> movable(name, year), r, direction);
        } else {
            MonthDay fixed = switch (name) {
                case "christmas eve" -> MonthDay.of(12, 24);
                case "new year's day" -> MonthDay.of(1, 1);
                case "new year's eve" -> MonthDay.of(12, 31);
                case "halloween" -> MonthDay.of(10, 31);
                case "independence day" -> MonthDay.of(7, 4);
                case "valentine's day" -> MonthDay.of(2, 14);
                default -> MonthDay.of(12, 25);
            };
            date = nearest(fixed::atYear, r, direction);
        }
        return Timex.date(TimexValues.day(date));
    }

    // ---- shared reasoning ----

    /**
     * +1 when the expression or its sentence looks ahead, -1 otherwise: reporters mostly write about the past. A
     * deadline word right before the expression looks ahead too: earnings and court copy name deadlines ("payable
     * Dec. 7", "until Tuesday", "effective June 1") without a future verb. How near the coming one would be is no
     * cue: without context a date is the most recent one.
     */
    private static int direction(String rel, Matcher m, Reading r) {
        int step = relativeStep(rel);
        if (step != 0) {
            return step;
        }
        if (deadline(m.start(), r) && !r.plainlyPast(m.start(), m.end())) {
            return 1;
        }
        return r.future(m.start(), m.end()) ? 1 : -1;
    }

    /**
     * "Monday, Oct. 26" names its year by the weekday: of last year's, this year's and next year's day, the one
     * nearest the story that falls on that weekday, or null when none does.
     */
    private static LocalDate namedWeekday(MonthDay day, DayOfWeek weekday, Reading r) {
        LocalDate best = null;
        for (int year = r.today.getYear() - 1; year <= r.today.getYear() + 1; year++) {
            if (!day.isValidYear(year)) {
                continue;
            }
            LocalDate date = day.atYear(year);
            long distance = Math.abs(date.toEpochDay() - r.today.toEpochDay());
            if (date.getDayOfWeek() == weekday
                    && (best == null || distance < Math.abs(best.toEpochDay() - r.today.toEpochDay()))) {
                best = date;
            }
        }
        return best;
    }

    /**
     * A deadline word right before the date, itself not after a past verb ("took effect Aug. 9"); "this year through
     * August" is a year-to-date figure, not a deadline.
     */
    private static boolean deadline(int start, Reading r) {
        String before = r.wordBefore(start);
        if (!DEADLINE_CUES.contains(before)) {
            return false;
        }
        int cue = r.wordStartBefore(start);
        int earlier = r.wordStartBefore(cue);
        String word = r.text.substring(earlier, cue).trim();
        return !TenseCue.pastVerb(r.text, earlier, earlier + word.length())
                && !(before.equals("through") && word.equalsIgnoreCase("year"));
    }

    private static boolean isStrict(String rel) {
        return rel != null && !rel.equalsIgnoreCase("this");
    }

    /**
     * The occurrence of a day of the year ({@code inYear}: a date or a holiday) nearest the story in the given
     * direction; the same day counts as either.
     */
    private static LocalDate nearest(IntFunction<LocalDate> inYear, Reading r, int direction) {
        LocalDate date = inYear.apply(r.today.getYear());
        if (direction < 0 && date.isAfter(r.today)) {
            date = inYear.apply(r.today.getYear() - 1);
        } else if (direction > 0 && date.isBefore(r.today)) {
            date = inYear.apply(r.today.getYear() + 1);
        }
        return date;
    }

    private static LocalDate weekdayDate(DayOfWeek day, String rel, Matcher m, Reading r) {
        int direction = direction(rel, m, r);
        boolean strict = isStrict(rel) && !rel.toLowerCase(Locale.ROOT).startsWith("this");
        if (direction < 0) {
            LocalDate date = r.today.with(TemporalAdjusters.previousOrSame(day));
            return strict && date.equals(r.today) ? date.minusWeeks(1) : date;
        }
        LocalDate date = r.today.with(TemporalAdjusters.nextOrSame(day));
        return strict && date.equals(r.today) ? date.plusWeeks(1) : date;
    }

    private static LocalDate weekend(LocalDate today, int step, Matcher m, Reading r) {
        if (step != 0) {
            return today.plusWeeks(step);
        }
        boolean future = r.future(m.start(), m.end());
        return future ? today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY))
                : today.with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
    }

    private static int relativeStep(String rel) {
        if (rel == null) {
            return 0;
        }
        String lower = rel.toLowerCase(Locale.ROOT);
        if (lower.endsWith("last") || lower.endsWith("past") || lower.endsWith("previous")) {
            return -1;
        }
        if (lower.endsWith("next") || lower.endsWith("coming") || lower.endsWith("following")) {
            return 1;
        }
        return 0;
    }

    /** "two weeks ago" is a day, "two years ago" a year: the value keeps the granularity the writer used. */
    private static Timex offset(double count, PeriodUnit unit, Reading r, String mod) {
        if (Double.isNaN(count)) {
            return Timex.date("PAST_REF").withMod(mod);
        }
        long whole = Math.round(count);
        if (unit.clock) {
            LocalDateTime time = switch (unit) {
                case HOUR -> r.published.plusHours(whole);
                case MINUTE -> r.published.plusMinutes(whole);
                default -> r.published.plusSeconds(whole);
            };
            return new Timex(TimexType.TIME, TimexValues.minute(time), mod);
        }
        LocalDate date = TimexValues.shift(r.today, whole, unit);
        PeriodUnit granularity = unit == PeriodUnit.WEEK || unit == PeriodUnit.FORTNIGHT ? PeriodUnit.DAY
                : unit == PeriodUnit.DECADE || unit == PeriodUnit.CENTURY || unit == PeriodUnit.MILLENNIUM
                        ? PeriodUnit.YEAR : unit;
        return Timex.date(TimexValues.at(date, granularity)).withMod(mod);
    }

    /**
     * "two days before the vote" counts from the vote, not from the story: only a "before" that ends its clause
     * ("two days before, ...") counts back from the publication day.
     */
    private static boolean beforeAnEvent(int end, Reading r) {
        int i = end;
        while (i < r.text.length() && r.text.charAt(i) == ' ') {
            i++;
        }
        return i < r.text.length() && Character.isLetterOrDigit(r.text.charAt(i));
    }

    private static boolean afterAmount(int start, Reading r) {
        String before = r.wordBefore(start);
        if (Set.of("million", "billion", "percent", "times", "once", "twice", "thousand", "hundred", "cents",
                "dollars", "pounds", "euros").contains(before)) {
            return true;
        }
        int i = start - 1;
        while (i >= 0 && Character.isWhitespace(r.text.charAt(i))) {
            i--;
        }
        return i >= 0 && (Character.isDigit(r.text.charAt(i)) || r.text.charAt(i) == '%');
    }

    private static LocalDate movable(String name, int year) {
        LocalDate november = LocalDate.of(year, 11, 1);
        if (name.startsWith("thanksgiving")) {
            return november.with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY));
        }
        return november.with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)).plusDays(1);
    }

    /** The month name and day number a match holds; null for a day that month never has ("Feb. 30"). */
    private static MonthDay dayOfYear(Matcher m) {
        Month month = Month.of(MonthNames.number(m.group("mon")));
        int day = Integer.parseInt(m.group("day"));
        return day > month.maxLength() ? null : MonthDay.of(month, day);
    }

    private static LocalDate date(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String group(Matcher m, String name) {
        try {
            return m.group(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String positionMod(String pos) {
        if (pos == null) {
            return null;
        }
        String lower = pos.toLowerCase(Locale.ROOT);
        if (lower.contains("early") || lower.contains("beginning") || lower.contains("start")
                || lower.startsWith("earlier")) {
            return "START";
        }
        if (lower.contains("mid")) {
            return "MID";
        }
        if (lower.contains("late") && !lower.startsWith("later") || lower.contains("end")) {
            return "END";
        }
        return null;
    }

    static String amountMod(String mod) {
        if (mod == null) {
            return null;
        }
        String lower = mod.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return switch (lower) {
            case "more than", "just over", "well over", "over" -> "MORE_THAN";
            case "less than", "fewer than", "just under", "under" -> "LESS_THAN";
            case "at least", "no less than" -> "EQUAL_OR_MORE";
            case "no more than", "at most", "up to", "within" -> "EQUAL_OR_LESS";
            default -> "APPROX";
        };
    }
}
