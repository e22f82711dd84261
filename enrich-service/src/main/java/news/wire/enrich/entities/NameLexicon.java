package news.wire.enrich.entities;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import news.wire.enrich.copy.MonthNames;
import news.wire.enrich.copy.NumberNames;

/** Closed word lists of news English that tell a name from a title, a role, a date word or a pronoun. */
final class NameLexicon {

    /**
     * Capitalised words that start sentences or headlines but never name anything on their own, number words from
     * {@link NumberNames} among them.
     */
    static final Set<String> NOT_NAMES = Stream.concat(NumberNames.words(), Stream.of(
            "a", "an", "the", "this", "that", "these", "those", "he", "she", "it", "they", "we", "i", "you",
            "his", "her", "its", "their", "our", "my", "your", "him", "them", "us", "me",
            "in", "on", "at", "but", "and", "or", "so", "if", "as", "for", "from", "with", "by", "of", "to",
            "after", "before", "when", "while", "since", "until", "during", "according", "there", "here",
            "what", "who", "why", "how", "where", "which", "some", "many", "most", "all", "both", "each",
            "other", "such", "no", "not", "yes", "also", "however", "meanwhile", "earlier", "later", "last",
            "next", "first", "then", "now", "today", "tonight", "yesterday", "tomorrow", "asked", "speaking",
            "despite", "although", "though", "because", "under", "over", "about", "more", "less", "several",
            "hundred", "hundreds", "thousand", "thousands", "million", "millions", "dozens",
            "mr", "mrs", "ms")).collect(Collectors.toUnmodifiableSet());

    /** Titles and roles: part of how a person is introduced, never part of their name. */
    static final Set<String> TITLES = Set.of(
            "president", "vice", "prime", "minister", "secretary", "senator", "sen", "rep", "representative",
            "governor", "gov", "mayor", "chancellor", "king", "queen", "prince", "princess", "pope", "gen",
            "colonel", "col", "lieutenant", "lt", "captain", "capt", "sergeant", "admiral", "commander",
            "chief", "director", "advisor", "adviser", "ambassador", "spokesman", "spokeswoman",
            "spokesperson", "judge", "justice", "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord",
            "lady", "rabbi", "imam", "sheikh", "cardinal", "bishop", "archbishop", "chairman", "chairwoman",
            "ceo", "coach", "commissioner", "inspector", "detective", "professor", "prof", "speaker",
            "premier", "envoy", "emir", "sultan", "executive", "officer", "counsel", "attorney", "deputy",
            "harbourmaster", "harbormaster", "superintendent", "constable", "skipper");

    /** Last words that make a name an organisation. */
    static final Set<String> ORGANIZATION_ENDINGS = Set.of(
            "inc", "corp", "corporation", "ltd", "llc", "plc", "co", "company", "bank", "ministry", "council",
            "party", "union", "agency", "university", "association", "group", "commission", "court", "army",
            "forces", "organisation", "organization", "department", "parliament", "committee", "institute",
            "foundation", "authority", "police", "office", "service", "services", "board", "federation",
            "league", "club", "airlines", "airways", "fund", "reserve", "house", "assembly", "congress",
            "senate", "cabinet", "government", "news", "times", "post", "press", "network", "bureau",
            "holdings", "partners", "motors", "industries", "systems", "technologies", "labs", "exchange",
            "lines", "wire", "shipping", "railways", "rail", "energy", "media", "bancorp", "trust");

    /** A company's legal form, the last word of its name but never part of its acronym ("Hewlett-Packard Co."). */
    static final Set<String> LEGAL_FORMS = Set.of("inc", "corp", "co", "ltd", "llc", "plc", "ag", "sa", "nv", "se",
            "gmbh", "spa", "bv", "ab", "asa", "oyj");

    /** Kinds of natural feature that, followed by "of" and a name, make a place ("Gulf of Aden", "Isle of Man"). */
    static final Set<String> PLACE_HEADS = Set.of(
            "gulf", "bay", "sea", "strait", "straits", "isle", "island", "islands", "cape", "lake", "mount");

    /** First words that, followed by "of", make an organisation ("Ministry of Defence"). */
    static final Set<String> ORGANIZATION_HEADS = Set.of(
            "ministry", "department", "university", "bank", "council", "court", "office", "board", "bureau",
            "committee", "commission", "institute", "church", "house", "federation", "league", "union");

    /** Words that make a name a place ("Gaza Strip", "Port of Valmora", "North Sea"). */
    static final Set<String> LOCATION_ENDINGS = Set.of(
            "street", "road", "avenue", "square", "river", "sea", "ocean", "mountains", "mountain", "valley",
            "island", "islands", "strip", "city", "county", "province", "coast", "gulf", "bay", "lake",
            "peninsula", "desert", "airport", "region", "district", "heights", "hills", "border");

    static final Set<String> LOCATION_HEADS = Set.of(
            "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
            "port", "lake", "mount", "cape", "gulf", "bay", "isle", "new", "upper", "lower");

    /** Prepositions that, before a bare name, usually introduce a place. */
    static final Set<String> PLACE_PREPOSITIONS = Set.of(
            "in", "at", "from", "to", "near", "into", "across", "outside", "toward", "towards", "via",
            "around", "throughout", "inside", "within", "between");

    static final Set<String> SPEECH_VERBS = Set.of(
            "said", "says", "told", "added", "stated", "explained", "warned", "wrote", "insisted", "argued",
            "noted", "replied", "tweeted", "posted", "confirmed", "denied");

    /** Abbreviations that keep a sentence going after their full stop. */
    static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "capt", "prof", "jr", "sr",
            "inc", "corp", "co", "u.s", "u.k", "u.n", "no", "vs");

    /** Joining words allowed inside a name when a capitalised word follows ("Bank of England"). */
    static final Set<String> CONNECTORS = Set.of("of", "de", "du", "van", "von", "der", "den", "al", "bin", "la",
            "le", "del", "da", "&");

    /** Abbreviations of countries, which look like organisations' acronyms but are places. */
    static final Set<String> COUNTRY_ABBREVIATIONS = Set.of("US", "USA", "UK", "UAE", "DRC", "U.S", "U.K");

    private NameLexicon() {
    }

    /** A weekday or month, lower-cased: a date word, never a name. */
    static boolean isCalendarWord(String key) {
        return MonthNames.isMonth(key)
                || Arrays.stream(DayOfWeek.values()).anyMatch(day -> day.name().equalsIgnoreCase(key));
    }

    static String key(String word) {
        return word.toLowerCase(Locale.ROOT);
    }

    static boolean isDemonym(String word) {
        String w = key(word);
        return w.length() > 4 && (w.endsWith("ian") || w.endsWith("ean") || w.endsWith("ese") || w.endsWith("ish")
                || w.endsWith("i") || w.endsWith("can"));
    }
}
