package news.wire.enrich.enrichment;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import news.wire.enrich.copy.ArticleField;
import news.wire.enrich.dates.DateExtractor;
import news.wire.enrich.dates.DateMention;
import news.wire.enrich.entities.Entity;
import news.wire.enrich.entities.EntityTagger;
import news.wire.enrich.languages.ArticleLanguage;
import news.wire.enrich.languages.LanguageDetection;
import news.wire.enrich.numbers.NumberExtractor;
import news.wire.enrich.numbers.NumberMention;

/** Turns a raw article into an enriched one; knows nothing of Kafka, so the API and the stream share it. */
@ApplicationScoped
public class ArticleEnricher {

    /** Bumped whenever the output for the same input may change. */
    public static final String VERSION = "0.4.0";

    private final LanguageDetection languages;
    private final EntityTagger entities;
    private final NumberExtractor numbers;
    private final DateExtractor dates;
    private final Clock clock;
    private final EngineTimer timer;

    /** An enricher that times nothing, for programs and tests. */
    public ArticleEnricher(LanguageDetection languages, EntityTagger entities, NumberExtractor numbers,
                           DateExtractor dates, Clock clock) {
        this(languages, entities, numbers, dates, clock, EngineTimer.NONE);
    }

    @Inject
    public ArticleEnricher(LanguageDetection languages, EntityTagger entities, NumberExtractor numbers,
                           DateExtractor dates, Clock clock, EngineTimer timer) {
        this.languages = languages;
        this.entities = entities;
        this.numbers = numbers;
        this.dates = dates;
        this.clock = clock;
        this.timer = timer;
    }

    public EnrichedArticle enrich(RawArticle raw) {
        if (!RawArticle.SCHEMA.equals(raw.schema())) {
            throw new UnsupportedMessageException("Unsupported schema " + raw.schema() + ", expected " + RawArticle.SCHEMA);
        }
        if (raw.id() == null || raw.headline() == null || raw.body() == null || raw.publishedAt() == null) {
            throw new UnsupportedMessageException("Article message lacks id, headline, body or publishedAt");
        }
        ArticleLanguage language = timer.time("language",
                () -> languages.of(raw.headline(), raw.body(), raw.language()));
        if (!language.english()) {
            // The engines read English only: their tags on other copy would be wrong, not merely incomplete.
            return enriched(raw, language, List.of(), List.of(), List.of(), language.untaggedReason());
        }
        // Wire times are UTC; relative dates ("yesterday") are read on the wire's calendar day.
        ZonedDateTime published = raw.publishedAt().atZone(ZoneOffset.UTC);
        List<DateMention> when = timer.time("dates", () -> {
            List<DateMention> found = new ArrayList<>(dates.extract(ArticleField.HEADLINE, raw.headline(), published));
            found.addAll(dates.extract(ArticleField.BODY, raw.body(), published));
            return found;
        });
        List<NumberMention> howMany = timer.time("numbers", () -> {
            List<NumberMention> found = new ArrayList<>(numbers.extract(ArticleField.HEADLINE, raw.headline(), when));
            found.addAll(numbers.extract(ArticleField.BODY, raw.body(), when));
            return found;
        });
        List<Entity> who = timer.time("entities", () -> entities.tag(raw.headline(), raw.body()));
        return enriched(raw, language, who, howMany, when, null);
    }

    private EnrichedArticle enriched(RawArticle raw, ArticleLanguage language, List<Entity> who,
                                     List<NumberMention> howMany, List<DateMention> when, String untagged) {
        return new EnrichedArticle(EnrichedArticle.SCHEMA, raw.id(), raw.version(), raw.source(), raw.headline(),
                raw.body(), raw.language(), language.detected(), language.check(), raw.publishedAt(),
                raw.receivedAt(), raw.byline(), raw.versionCreated(), raw.subjects(), raw.people(),
                raw.organisations(), raw.places(), who, howMany, when, enricher(untagged), Instant.now(clock));
    }

    private Enricher enricher(String untagged) {
        return new Enricher(VERSION, Map.of("language", LanguageDetection.ENGINE, "entities", entities.engine(),
                "numbers", numbers.engine(), "dates", dates.engine()), untagged);
    }
}
