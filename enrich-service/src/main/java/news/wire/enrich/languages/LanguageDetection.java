package news.wire.enrich.languages;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

/**
 * Reads which language an article is written in from its headline and the start of its body, and compares it with
 * the language the wire declared. Copy whose words are plainly English (most of a newsroom's feed) is taken as
 * English at once; everything else is left to Lingua. Thread-safe: one detector serves every worker.
 */
@ApplicationScoped
@Startup // the models load in about 2 s: at start, like the entity model, not inside the first article's transaction
public class LanguageDetection {

    /** Reported in {@code enricher.engines.language}. */
    public static final String ENGINE = "english-function-words/1+lingua-low-accuracy/1.2.2";

    /**
     * The languages of the wires a newsroom takes in. Each one costs memory and time per article, and a language
     * left out is read as the nearest one in the list (Catalan as Spanish), which still keeps it from the English
     * engines.
     */
    private static final Language[] WIRE_LANGUAGES = {
            Language.ENGLISH, Language.GERMAN, Language.FRENCH, Language.SPANISH, Language.ITALIAN,
            Language.PORTUGUESE, Language.DUTCH, Language.RUSSIAN, Language.ARABIC, Language.CHINESE,
            Language.JAPANESE, Language.KOREAN, Language.TURKISH, Language.POLISH};

    /**
     * The language shows in the first paragraph. Lingua's time grows faster than the text: on BBC copy 500 characters
     * took a fifth of the time of 1,000 (0.6 against 2.8 ms per article on a loaded machine), with the same answers.
     */
    static final int SAMPLE_CHARS = 500;
    /**
     * Fewer letters than this (about a dozen words, a headline alone) are too few to tell German from Dutch or a
     * wire's English from its French quote; such copy goes by the declared language. A Chinese, Japanese or Korean
     * character counts three, as it carries about a word.
     */
    static final int MIN_LETTERS = 60;
    private static final int IDEOGRAPH_WEIGHT = 3;
    /**
     * How far ahead the first language must be of the second (Lingua's minimum relative distance) for the copy to
     * count as detected; closer than that, it is mixed or ambiguous and goes by the declared language.
     */
    private static final double MIN_DISTANCE = 0.05;

    /**
     * Words English copy is full of that are not words of the other wire languages ("in", "is", "was", "of", "to",
     * "on", "also" and "will" are, in German, Dutch, Italian, French or Polish).
     */
    private static final Set<String> ENGLISH_FUNCTION_WORDS = Set.of("the", "and", "that", "with", "which", "said",
            "have", "has", "from", "would", "been", "were", "their", "this", "they", "for", "are", "but", "not");
    /**
     * The share of those words above which copy is English without asking Lingua. In the first 500 characters of the
     * 2,225 BBC News stories they make 15 % of the words (median), under 9 % in 5 % of them, and never less than 2.6 %;
     * in the German, Dutch and Italian copy tried, none. Lingua hands each text to a thread pool, which on a busy
     * 2-core machine cost 6 ms an article, a sixth of the whole enrichment; this check costs 0.1 ms.
     */
    static final double ENGLISH_SHARE = 0.08;

    private static final Map<String, String> THREE_LETTER_CODES = threeLetterCodes();

    private final LanguageDetector detector;

    public LanguageDetection() {
        // Low accuracy mode reads trigrams only: a tenth of the models' memory and time, and as accurate as the
        // high mode on a paragraph or more, which is all that is ever detected here.
        detector = LanguageDetectorBuilder.fromLanguages(WIRE_LANGUAGES)
                .withMinimumRelativeDistance(MIN_DISTANCE)
                .withLowAccuracyMode()
                .withPreloadedLanguageModels()
                .build();
    }

    /** The article's language from its text, checked against {@code declaredTag} (BCP 47, may be null). */
    public ArticleLanguage of(String headline, String body, String declaredTag) {
        String declared = declaredLanguage(declaredTag);
        String detected = detect(sample(headline, body));
        if (detected == null) {
            return new ArticleLanguage(null, declared, declared == null ? ArticleLanguage.ENGLISH : declared,
                    LanguageCheck.UNDETECTED);
        }
        LanguageCheck check = declared == null ? LanguageCheck.UNDECLARED
                : declared.equals(detected) ? LanguageCheck.AGREES : LanguageCheck.DIFFERS;
        return new ArticleLanguage(detected, declared, detected, check);
    }

    private String detect(String sample) {
        if (letters(sample) < MIN_LETTERS) {
            return null;
        }
        if (plainlyEnglish(sample)) {
            return ArticleLanguage.ENGLISH;
        }
        Language language = detector.detectLanguageOf(sample);
        return language == Language.UNKNOWN ? null : language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }

    /** The headline and the body's first {@link #SAMPLE_CHARS} characters, cut between words. */
    static String sample(String headline, String body) {
        String start = body == null ? "" : body;
        if (start.length() > SAMPLE_CHARS) {
            int cut = SAMPLE_CHARS;
            while (cut > SAMPLE_CHARS / 2 && !Character.isWhitespace(start.charAt(cut))) {
                cut--;
            }
            start = start.substring(0, cut);
        }
        return headline == null || headline.isBlank() ? start : headline + "\n" + start;
    }

    static boolean plainlyEnglish(String sample) {
        int words = 0;
        int english = 0;
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= sample.length(); i++) {
            char c = i < sample.length() ? sample.charAt(i) : ' ';
            if (Character.isLetter(c)) {
                word.append(Character.toLowerCase(c));
            } else if (!word.isEmpty()) {
                words++;
                if (ENGLISH_FUNCTION_WORDS.contains(word.toString())) {
                    english++;
                }
                word.setLength(0);
            }
        }
        return words > 0 && english >= ENGLISH_SHARE * words;
    }

    private static int letters(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (Character.isLetter(c)) {
                Character.UnicodeScript script = Character.UnicodeScript.of(c);
                count += script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                        || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                        ? IDEOGRAPH_WEIGHT : 1;
            }
            i += Character.charCount(c);
        }
        return count;
    }

    /**
     * The language of a declared BCP 47 tag as a two-letter code ("en-GB" and "EN" are "en", "deu" is "de"); null
     * for none, "und", "mul" or a tag that names no language.
     */
    public static String declaredLanguage(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String language = Locale.forLanguageTag(tag.trim().replace('_', '-')).getLanguage();
        if (language.length() == 3) {
            language = THREE_LETTER_CODES.get(language);
        }
        return language == null || language.length() != 2 ? null : language;
    }

    private static Map<String, String> threeLetterCodes() {
        Map<String, String> codes = new HashMap<>();
        for (String twoLetter : Locale.getISOLanguages()) {
            try {
                codes.put(new Locale(twoLetter).getISO3Language(), twoLetter);
            } catch (MissingResourceException e) {
                // A code without a three-letter form is only ever declared as two letters.
            }
        }
        // Bibliographic forms some wires still send.
        codes.put("ger", "de");
        codes.put("fre", "fr");
        codes.put("dut", "nl");
        codes.put("chi", "zh");
        return codes;
    }
}
