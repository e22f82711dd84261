package news.wire.enrich.enrichment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import news.wire.enrich.copy.ArticleField;
import news.wire.enrich.dates.DateExtractor;
import news.wire.enrich.dates.DateMention;
import news.wire.enrich.dates.NewsDateExtractor;
import news.wire.enrich.entities.CrfEntityTagger;
import news.wire.enrich.entities.EntityTagger;
import news.wire.enrich.languages.ForeignCopy;
import news.wire.enrich.languages.LanguageCheck;
import news.wire.enrich.languages.LanguageDetection;
import news.wire.enrich.numbers.NewsNumberExtractor;
import news.wire.enrich.numbers.NumberExtractor;
import news.wire.enrich.numbers.NumberMention;

/** The English engines run on English copy only; a mixed feed keeps its English articles tagged as before. */
class ArticleEnricherLanguageTest {

    private static final Instant PUBLISHED = Instant.parse("2026-11-18T09:30:00Z");
    private static final EntityTagger ENTITIES = new CrfEntityTagger();
    private static final NumberExtractor NUMBERS = new NewsNumberExtractor();
    private static final DateExtractor DATES = new NewsDateExtractor();
    private static final ArticleEnricher ENRICHER = new ArticleEnricher(new LanguageDetection(), ENTITIES, NUMBERS,
            DATES, Clock.systemUTC());

    @Test
    void foreignArticlesGetNoEnglishTagsAndSayWhy() {
        ForeignCopy.ALL.forEach((language, story) -> {
            // Declared English, as a wire with one default language sends everything.
            EnrichedArticle enriched = ENRICHER.enrich(raw(story.headline(), story.body(), "en"));
            assertEquals(List.of(), enriched.entities(), language);
            assertEquals(List.of(), enriched.numbers(), language);
            assertEquals(List.of(), enriched.dates(), language);
            assertEquals(language, enriched.detectedLanguage());
            assertEquals(LanguageCheck.DIFFERS, enriched.languageCheck());
            assertEquals("en", enriched.language(), "the declared language is passed on unchanged");
            assertTrue(enriched.enricher().untagged().startsWith("language detected " + language),
                    enriched.enricher().untagged());
        });
    }

    @Test
    void aMixedFeedKeepsItsEnglishArticlesTaggedExactlyAsTheEnginesTagThem() {
        List<RawArticle> feed = new ArrayList<>();
        List<RawArticle> english = List.of(
                raw(ForeignCopy.ENGLISH.headline(), ForeignCopy.ENGLISH.body(), "en"),
                raw("Refugee numbers pass a million", "More than a million refugees have crossed into Moldova since "
                        + "the war began, UNHCR chief Filippo Grandi said in Geneva on Monday. Grandi said aid of $2.5 "
                        + "billion was needed, up 40% on last year.", null));
        feed.add(english.get(0));
        ForeignCopy.ALL.values().forEach(story -> feed.add(raw(story.headline(), story.body(), null)));
        feed.add(english.get(1));

        for (RawArticle article : feed) {
            EnrichedArticle enriched = ENRICHER.enrich(article);
            if (!english.contains(article)) {
                assertTrue(enriched.entities().isEmpty() && enriched.numbers().isEmpty()
                        && enriched.dates().isEmpty(), article.headline());
                continue;
            }
            ZonedDateTime published = article.publishedAt().atZone(ZoneOffset.UTC);
            List<DateMention> dates = new ArrayList<>(DATES.extract(ArticleField.HEADLINE, article.headline(), published));
            dates.addAll(DATES.extract(ArticleField.BODY, article.body(), published));
            List<NumberMention> numbers = new ArrayList<>(NUMBERS.extract(ArticleField.HEADLINE, article.headline(), dates));
            numbers.addAll(NUMBERS.extract(ArticleField.BODY, article.body(), dates));
            assertEquals(ENTITIES.tag(article.headline(), article.body()), enriched.entities());
            assertEquals(numbers, enriched.numbers());
            assertEquals(dates, enriched.dates());
            assertFalse(enriched.entities().isEmpty());
            assertEquals("en", enriched.detectedLanguage());
            assertNull(enriched.enricher().untagged());
        }
    }

    @Test
    void aHeadlineAloneInAnotherDeclaredLanguageIsLeftUntaggedNotTaggedAsEnglish() {
        EnrichedArticle enriched = ENRICHER.enrich(raw("Scholz trifft Macron in Paris", "Paris (dpa)", "de"));
        assertNull(enriched.detectedLanguage());
        assertEquals(LanguageCheck.UNDETECTED, enriched.languageCheck());
        assertTrue(enriched.entities().isEmpty());
        assertTrue(enriched.enricher().untagged().contains("declared de"), enriched.enricher().untagged());
    }

    @Test
    void aHeadlineAloneWithoutADeclaredLanguageIsReadAsEnglish() {
        EnrichedArticle enriched = ENRICHER.enrich(raw("Scholz meets Macron in Paris", "PARIS (Reuters)", null));
        assertNull(enriched.detectedLanguage());
        assertEquals(LanguageCheck.UNDETECTED, enriched.languageCheck());
        assertNull(enriched.enricher().untagged());
        assertFalse(enriched.entities().isEmpty());
        assertEquals(LanguageDetection.ENGINE, enriched.enricher().engines().get("language"));
    }

    private static RawArticle raw(String headline, String body, String language) {
        return new RawArticle(RawArticle.SCHEMA, UUID.randomUUID(), 1, "test", headline, body, language, PUBLISHED,
                PUBLISHED, null, null, null, null, null, null);
    }
}
