package news.wire.enrich.dates;

import static news.wire.enrich.dates.CalendarWords.PART_OF_DAY;
import static news.wire.enrich.dates.CalendarWords.SEASON;
import static news.wire.enrich.dates.CalendarWords.WEEKDAY;
import static news.wire.enrich.dates.NumberWords.COUNT;

import java.util.List;
import java.util.regex.Pattern;

import news.wire.enrich.copy.MonthNames;

/**
 * The ways news copy writes dates, times, durations and recurrences, as anchored patterns tried at word starts.
 * Where two rules match at one place the longer wins, so rules need not exclude each other.
 */
final class ExpressionRules {

    private static final String MONTH = MonthNames.PATTERN;
    private static final String DAY = "(?<day>3[01]|[12]\\d|0?[1-9])(?:st|nd|rd|th)?(?!\\d|:\\d)";
    private static final String YEAR = "(?<year>1[6-9]\\d\\d|20\\d\\d)(?![\\d%]|[,.]\\d)";
    private static final String SEP = "(?:,\\s*|\\s+)";
    /** A year as broadcast transcripts spell it: "nineteen ninety-four". */
    private static final String SPOKEN_YEAR = "(?<century>nineteen|twenty)\\s+(?<rest>" + NumberWords.TENS_AND_TEENS
            + ")";
    /** Where in a period: "early 2023", "mid-March", "the end of the year", "earlier this month". */
    private static final String POSITION = "(?:(?<pos>the\\s+(?:end|middle|beginning|start)\\s+of(?:\\s+the)?"
            + "|(?:the\\s+)?(?:early|late|mid)|earlier|later)(?:\\s+|-))?";
    /** Qualifiers of amounts of time: "nearly six months", "more than two years", "at least 72 hours". */
    private static final String AMOUNT_MOD = "(?:(?<mod>about|around|approximately|roughly|some|nearly|almost"
            + "|close\\s+to|more\\s+than|just\\s+over|well\\s+over|over(?!\\s+the)|less\\s+than|fewer\\s+than"
            + "|just\\s+under|under|at\\s+least|no\\s+less\\s+than|no\\s+more\\s+than|at\\s+most|up\\s+to"
            + "|within)\\s+)?";
    private static final String END = "(?![\\p{L}\\p{N}])";
    private static final String UNIT = PeriodUnit.WORD;

    private ExpressionRules() {
    }

    static List<Rule> all(TimexResolver resolver) {
        return List.of(
                rule("iso-date", "(?<y>\\d{4})-(?<mo>0[1-9]|1[0-2])-(?<d>0[1-9]|[12]\\d|3[01])"
                        + "(?:[T ](?<h>[01]\\d|2[0-3]):(?<mi>[0-5]\\d)(?::\\d\\d(?:\\.\\d+)?)?(?:Z|[+-]\\d\\d:?\\d\\d)?)?"
                        + "(?![\\d-])", resolver::isoDate),
                rule("month-day", AMOUNT_MOD + "(?:(?<wd>" + WEEKDAY + ")" + SEP + ")?(?:(?<rel>this\\s+coming|this\\s+past"
                        + "|last|next|this)\\s+)?(?<mon>" + MONTH + ")\\s*" + DAY + "(?:" + SEP + YEAR + ")?",
                        resolver::monthDay),
                rule("day-month", "(?:(?<wd>" + WEEKDAY + ")" + SEP + ")?(?:the\\s+)?" + DAY + "(?:\\s+of)?\\s+(?<mon>"
                        + MONTH + ")(?:" + SEP + YEAR + ")?", resolver::monthDay),
                rule("month-year", POSITION + "(?<mon>" + MONTH + ")(?:\\s+of)?" + SEP + "(?:" + YEAR
                        + "|(?<rel>last|this|next)\\s+year|" + SPOKEN_YEAR + ")", resolver::monthYear),
                rule("month", POSITION + "(?:(?<rel>this\\s+past|this\\s+coming|last|next|this)\\s+)?(?<mon>" + MONTH
                        + ")(?!\\s*\\d)", resolver::month),
                rule("year", POSITION + "(?:(?<fiscal>fiscal)(?:\\s+year)?\\s+)?" + YEAR, resolver::year),
                rule("spoken-year", "(?:the\\s+year\\s+)?" + SPOKEN_YEAR + "|the\\s+year\\s+two\\s+thousand",
                        resolver::spokenYear),
                rule("decade", "(?:the\\s+)?" + POSITION + "(?:(?<cent>1[6-9]|20)(?<dec>\\d)0|['’](?<short>\\d)0)['’]?s"
                        + "|the\\s+(?:(?<wpos>early|late|mid)(?:\\s+|-))?(?<word>twenties|thirties|forties|fifties"
                        + "|sixties|seventies|eighties|nineties)", resolver::decade),
                rule("century", "(?:the\\s+)?(?:(?<num>\\d{1,2})(?:st|nd|rd|th)|(?<word>nineteenth|twentieth"
                        + "|twenty-first))\\s+century", resolver::century),
                rule("quarter", "(?:(?<det>the|this|last|next|its|their|a|the\\s+same)\\s+)?(?:(?<yrel>this|last|next)"
                        + "\\s+year['’]s\\s+|(?<qyear>1[6-9]\\d\\d|20\\d\\d)['’]?s?\\s+)?(?:(?:current|latest|fiscal"
                        + "|calendar|(?<ago>year-earlier|year-ago)|comparable|corresponding|flat|weak|strong)[\\s-]+)*"
                        + "(?<ord>first|second|third|fourth|final|1st|2nd|3rd|4th)[\\s-]+(?:fiscal[\\s-]+)?"
                        + "(?<part>quarter|half)(?:\\s+of\\s+(?:fiscal\\s+|the\\s+year\\s+)?(?<ofyear>1[6-9]\\d\\d|20\\d\\d))?",
                        resolver::quarter),
                rule("this-quarter", "(?<det>the|this|last\\s+year['’]s|last|next|its|their|the\\s+same)\\s+(?<adj>(?:(?:current|latest"
                        + "|previous|most\\s+recent|recent|past|fiscal|year-earlier|year-ago|comparable|corresponding"
                        + "|same)[\\s-]+)*)(?:(?<qyear>1[6-9]\\d\\d|20\\d\\d)\\s+)?(?<noun>quarter|period)"
                        + "(?<yearBack>\\s+(?:a\\s+year\\s+(?:ago|earlier)|last\\s+year))?",
                        resolver::namedQuarter),
                rule("year-ago", "(?:the\\s+)?(?:comparable\\s+)?year-(?:earlier|ago)(?:\\s+(?:period|quarter))?",
                        resolver::yearAgo),
                rule("relative-period", POSITION + "(?<rel>this\\s+past|this\\s+coming|this|last|next|the\\s+past"
                        + "|the\\s+previous|the\\s+coming|the\\s+current|the\\s+next|the\\s+last|past|previous|coming"
                        + "|current)\\s+(?<unit>week|weekend|month|year|decade|century|" + SEASON + ")(?!-)",
                        resolver::relativePeriod),
                rule("the-weekend", "the\\s+weekend", resolver::theWeekend),
                rule("the-year", "the\\s+(?<adj>(?:(?:full|current|fiscal|latest|same)\\s+)*)year(?<ended>\\s+(?:ended|ending))?",
                        resolver::theYear),
                rule("year-end", "(?<approx>around\\s+)?(?:the\\s+)?year['’]?s?[\\s-]end|the\\s+end\\s+of\\s+the\\s+(?<unit>year|month|week)",
                        resolver::yearEnd),
                rule("season", POSITION + "(?:(?<the>the)\\s+)?(?<season>" + SEASON + ")(?:(?:\\s+of)?\\s+(?:" + YEAR + "|" + SPOKEN_YEAR + "))?",
                        resolver::season),
                rule("weekday", POSITION + "(?:(?<rel>last|next|this\\s+coming|this\\s+past|this|coming|the\\s+previous"
                        + "|the\\s+following)\\s+)?(?<wd>" + WEEKDAY + ")(?<plural>s)?(?:\\s+(?<pod>" + PART_OF_DAY
                        + "s?))?", resolver::weekday),
                rule("deictic-day", POSITION + "(?<dd>the\\s+day\\s+before\\s+yesterday|the\\s+day\\s+after\\s+tomorrow"
                        + "|yesterday|today|tomorrow|tonight)(?:\\s+(?<pod>" + PART_OF_DAY + "))?", resolver::deicticDay),
                rule("part-of-day", POSITION + "(?<prel>this|last|tomorrow|yesterday)\\s+(?<pod>" + PART_OF_DAY + ")",
                        resolver::partOfDay),
                rule("reference", "(?<ref>right\\s+now|now|currently|at\\s+present|presently|nowadays|these\\s+days"
                        + "|at\\s+the\\s+moment|(?:more\\s+)?recently|lately|the\\s+past"
                        + "|the\\s+(?:near\\s+|distant\\s+)?future|the\\s+(?:near|short)\\s+term"
                        + "|(?:the\\s+)?coming\\s+(?:days|weeks|months|years|quarters)"
                        + "|recent\\s+(?:days|weeks|months|years)|current)", resolver::reference),
                rule("set", "(?:(?<every>every|each)\\s+(?:other\\s+)?(?:(?<count>" + COUNT + ")\\s+)?(?<what>" + UNIT
                        + "|" + WEEKDAY + "|" + MONTH + "|" + PART_OF_DAY + "|" + SEASON + "))"
                        + "|(?<adverb>daily|weekly|monthly|yearly|hourly|nightly|biweekly)|(?<per>per|a)\\s+(?<punit>day|week|month|year|hour|quarter)",
                        resolver::set),
                rule("counted", AMOUNT_MOD + "(?:(?<rel>the\\s+past|the\\s+last|the\\s+next|the\\s+coming|the\\s+first"
                        + "|the\\s+final|the\\s+previous|the\\s+latest|past|last|next|another|an\\s+additional|the)\\s+)?"
                        + "(?<count>" + COUNT + ")(?:\\s*(?:to|or|-)\\s*(?:" + COUNT + "))?"
                        + "(?:\\s+(?:more|additional|full|straight|consecutive))?(?:\\s+|-)"
                        + "(?:(?:trading|business|working|calendar)\\s+)?(?<unit>" + UNIT + ")"
                        + "(?<half>\\s+and\\s+a\\s+half)?"
                        + "(?![\\s-]+old" + END + "|(?<=quarters?)\\s+of" + END + ")(?:(?<tail>[\\s-]+ago|[\\s-]+earlier|\\s+before|\\s+later|\\s+from\\s+now|\\s+or\\s+so|-long)" + END
                        + ")?", resolver::counted),
                rule("bare-units", "(?:(?<rel>the\\s+past|the\\s+last|the\\s+next|past|the)\\s+)?(?<unit>seconds|minutes"
                        + "|hours|days|weeks|months|years|decades|centuries)(?<ago>\\s+ago)?", resolver::bareUnits),
                rule("unit-long", "(?<unit>" + UNIT + ")-long", resolver::unitLong),
                rule("clock", "(?:(?<tmod>about|around|approximately|shortly\\s+after|shortly\\s+before|just\\s+after"
                        + "|just\\s+before)\\s+)?(?:(?<h>1[0-2]|0?[1-9])(?:[:.](?<mi>[0-5]\\d))?\\s*(?<ap>[ap])\\.?\\s?m\\b\\.?"
                        + "|(?<h24>[01]?\\d|2[0-3]):(?<mi24>[0-5]\\d)(?=\\s*(?:GMT|UTC|[ECMP][SD]T|BST|CET|local|hours))"
                        + "|(?<named>noon|midday|midnight))(?:\\s+(?:GMT|UTC|[ECMP][SD]T|BST|CET|local\\s+time))?"
                        + "(?:" + SEP + "(?:(?<wd>" + WEEKDAY + ")|(?<dd>today|yesterday|tomorrow)|(?<mon>" + MONTH + ")\\s*"
                        + DAY + "))?", resolver::clock),
                rule("holiday", "(?:(?<rel>last|next|this)\\s+)?(?<holiday>(?-i:Christmas\\s+Eve|Christmas(?:\\s+Day)?"
                        + "|New\\s+Year['’]s\\s+(?:Day|Eve)|Thanksgiving(?:\\s+Day)?|Halloween|Independence\\s+Day"
                        + "|Valentine['’]s\\s+Day|Election\\s+Day))", resolver::holiday));
    }

    private static Rule rule(String name, String regex, Rule.Resolution resolution) {
        return new Rule(name, Pattern.compile("(?i)(?:" + regex + ")" + END), resolution);
    }
}
