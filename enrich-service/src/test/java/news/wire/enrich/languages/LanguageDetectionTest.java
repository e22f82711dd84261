package news.wire.enrich.languages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LanguageDetectionTest {

    private static final LanguageDetection DETECTION = new LanguageDetection();

    @Test
    void eachForeignStoryIsDetectedAsItsLanguageAndIsNotEnglish() {
        ForeignCopy.ALL.forEach((language, story) -> {
            ArticleLanguage read = DETECTION.of(story.headline(), story.body(), null);
            assertEquals(language, read.detected(), story.headline());
            assertEquals(language, read.language());
            assertEquals(LanguageCheck.UNDECLARED, read.check());
            assertFalse(read.english());
            assertTrue(read.untaggedReason().contains("detected " + language), read.untaggedReason());
        });
    }

    @Test
    void englishCopyIsEnglish() {
        ArticleLanguage read = DETECTION.of(ForeignCopy.ENGLISH.headline(), ForeignCopy.ENGLISH.body(), "en-GB");
        assertEquals("en", read.detected());
        assertEquals(LanguageCheck.AGREES, read.check());
        assertTrue(read.english());
        assertNull(read.untaggedReason());
    }

    @Test
    void onlyPlainlyEnglishCopySkipsLingua() {
        assertTrue(LanguageDetection.plainlyEnglish(ForeignCopy.ENGLISH.body()));
        ForeignCopy.ALL.values().forEach(story -> assertFalse(
                LanguageDetection.plainlyEnglish(LanguageDetection.sample(story.headline(), story.body())),
                story.language()));
        // A German story quoting a few English words is still German, and Lingua says so.
        String quoting = ForeignCopy.GERMAN.body() + " \"We are not done with this\", sagte der Sprecher.";
        assertFalse(LanguageDetection.plainlyEnglish(quoting));
        assertEquals("de", DETECTION.of(ForeignCopy.GERMAN.headline(), quoting, null).detected());
    }

    @Test
    void theCopyWinsOverAWrongDeclaration() {
        // Wires often send their default language on every item.
        ArticleLanguage read = DETECTION.of(ForeignCopy.FRENCH.headline(), ForeignCopy.FRENCH.body(), "en");
        assertEquals("fr", read.language());
        assertEquals("en", read.declared());
        assertEquals(LanguageCheck.DIFFERS, read.check());
    }

    @Test
    void aHeadlineAloneFallsBackToTheDeclaredLanguage() {
        ArticleLanguage read = DETECTION.of(ForeignCopy.GERMAN.headline(), "", "de-DE");
        assertNull(read.detected());
        assertEquals("de", read.language());
        assertEquals(LanguageCheck.UNDETECTED, read.check());
        assertTrue(read.untaggedReason().contains("declared de (too short"), read.untaggedReason());
    }

    @Test
    void aHeadlineAloneWithoutADeclarationIsReadAsEnglish() {
        ArticleLanguage read = DETECTION.of("Merkel trifft Macron in Paris", "Paris (dpa)", null);
        assertNull(read.detected());
        assertEquals("en", read.language());
        assertEquals(LanguageCheck.UNDETECTED, read.check());
        assertTrue(read.english());
    }

    @Test
    void onlyTheHeadlineAndTheStartOfTheBodyAreRead() {
        // A German story followed by a long English appendix is German: the language shows at the start.
        String body = ForeignCopy.GERMAN.body() + " " + ForeignCopy.ENGLISH.body().repeat(20);
        assertEquals("de", DETECTION.of(ForeignCopy.GERMAN.headline(), body, null).detected());
        String sample = LanguageDetection.sample("Headline", "word ".repeat(1_000));
        assertTrue(sample.length() <= "Headline\n".length() + LanguageDetection.SAMPLE_CHARS, () -> "" + sample.length());
    }

    @Test
    void declaredTagsAreReducedToTheirLanguage() {
        assertEquals("en", LanguageDetection.declaredLanguage("en-GB"));
        assertEquals("en", LanguageDetection.declaredLanguage("EN"));
        assertEquals("de", LanguageDetection.declaredLanguage("deu"));
        assertEquals("de", LanguageDetection.declaredLanguage("ger"));
        assertEquals("pt", LanguageDetection.declaredLanguage("pt_BR"));
        assertEquals("zh", LanguageDetection.declaredLanguage("zh-Hant-TW"));
        assertNull(LanguageDetection.declaredLanguage("und"));
        assertNull(LanguageDetection.declaredLanguage("not a tag"));
        assertNull(LanguageDetection.declaredLanguage(" "));
        assertNull(LanguageDetection.declaredLanguage(null));
    }
}
