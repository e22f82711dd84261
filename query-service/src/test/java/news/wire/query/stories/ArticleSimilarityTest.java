package news.wire.query.stories;

import static news.wire.query.stories.Articles.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ArticleSimilarityTest {

    private static final double THRESHOLD = 0.35;

    private final ArticleProfile dockStrike = article("Harbour Post", "Valmora dockers strike over pay",
            "Dock workers in Valmora walked out on Thursday over pay, union leader Marta Ilves said. The Valmora Port "
            + "Authority said cranes stood idle and ships queued outside the harbour as the strike began.")
            .entity("LOCATION", "Valmora", 0.9).entity("PERSON", "Marta Ilves", 0.7)
            .entity("ORGANIZATION", "Valmora Port Authority", 0.5).profile();

    private final ArticleProfile sameStrikeElsewhere = article("Coast Wire", "Cranes idle as Valmora dock strike begins",
            "Cranes stood idle in Valmora on Thursday as dock workers began a strike over pay. Ilves, who leads the "
            + "dockers' union, said the strike would last until the Valmora Port Authority raised its offer; ships "
            + "queued outside the harbour.")
            .entity("LOCATION", "Valmora", 0.9).entity("PERSON", "Ilves", 0.6)
            .entity("ORGANIZATION", "Valmora Port Authority", 0.6).profile();

    private final ArticleProfile sameCountryOnly = article("Coast Wire", "Valmora wins regional chess title",
            "Valmora's team won the regional chess championship on Thursday, beating Orrin in the final round. "
            + "The players return home to Valmora on Sunday.")
            .entity("LOCATION", "Valmora", 0.95).entity("LOCATION", "Orrin", 0.4).profile();

    @Test
    void twoOutletsOnOneEventScoreAboveTheThreshold() {
        double score = ArticleSimilarity.between(dockStrike, sameStrikeElsewhere);
        assertTrue(score >= THRESHOLD, "score " + score);
        assertEquals(score, ArticleSimilarity.between(sameStrikeElsewhere, dockStrike), 1e-9, "symmetric");
    }

    @Test
    void sharingOnlyAPlaceInOtherWordsIsNotTheSameStory() {
        assertEquals(0, ArticleSimilarity.between(dockStrike, sameCountryOnly));
    }

    @Test
    void twoPlacesWithoutAPersonOrOrganisationAreNotEnoughInOtherWords() {
        ArticleProfile a = article("A", "Talks on tariffs", "Israel and the United States held talks on trade "
                + "tariffs in Washington on Tuesday. Negotiators discussed duties on steel, farm exports and medical "
                + "equipment, and agreed to meet again before the end of the quarter.")
                .entity("LOCATION", "Israel", 0.9).entity("LOCATION", "United States", 0.9).profile();
        ArticleProfile b = article("B", "Friendly at the arena", "Israel beat the United States at basketball in a "
                + "friendly on Tuesday night. The guards scored freely from long range while the visitors missed "
                + "rebounds, and the coach praised a young defensive line-up.")
                .entity("LOCATION", "Israel", 0.9).entity("LOCATION", "United States", 0.9).profile();
        assertTrue(a.vector().cosine(b.vector()) < ArticleSimilarity.WORDS_WITH_PLACES_ONLY);
        assertEquals(0, ArticleSimilarity.between(a, b));
    }

    @Test
    void placesAloneAreEnoughWhenTheEventIsToldInTheSameWords() {
        ArticleProfile fire = article("A", "Fire at supermarket in Wellington", "A fire broke out at the supermarket on "
                + "Wellington High Street early on Monday; firefighters from Taunton and Tiverton fought the blaze and "
                + "the store stayed closed.")
                .entity("LOCATION", "Wellington", 0.9).entity("LOCATION", "Taunton", 0.3).profile();
        ArticleProfile sameFire = article("B", "Major fire at Wellington supermarket", "Firefighters fought a major "
                + "blaze at a supermarket in Wellington on Monday morning; the store on the High Street stayed closed.")
                .entity("LOCATION", "Wellington", 0.9).profile();
        ArticleProfile otherNews = article("C", "Wellington band wins contest", "A brass band from Wellington won the "
                + "regional contest on Saturday with a programme of marches and hymns.")
                .entity("LOCATION", "Wellington", 0.9).profile();
        assertTrue(fire.vector().cosine(sameFire.vector()) >= ArticleSimilarity.WORDS_WITH_PLACES_ONLY);
        assertTrue(ArticleSimilarity.between(fire, sameFire) > 0, "one place and the same vocabulary");
        assertEquals(0, ArticleSimilarity.between(fire, otherNews), "one place, other words");
    }

    @Test
    void oneSharedPersonIsEnoughOnlyWithMuchOfTheEventsVocabulary() {
        ArticleProfile strike = article("A", "Dockers strike over pay", "Dock workers walked out over pay on Thursday, "
                + "union leader Marta Ilves said; cranes stood idle and ships queued outside the harbour.")
                .entity("PERSON", "Marta Ilves", 0.9).entity("LOCATION", "Valmora", 0.5).profile();
        ArticleProfile sameStrike = article("B", "Cranes idle as dock strike begins", "Cranes stood idle as dock "
                + "workers began a strike over pay, Ilves said, and ships queued outside the harbour.")
                .entity("PERSON", "Ilves", 0.8).entity("LOCATION", "Port Orrin", 0.4).profile();
        ArticleProfile otherNews = article("C", "Union leader opens library", "Marta Ilves opened the new town library "
                + "on Saturday, with readings for children and a concert in the evening.")
                .entity("PERSON", "Marta Ilves", 0.9).profile();
        assertTrue(strike.vector().cosine(sameStrike.vector()) >= ArticleSimilarity.WORDS_WITH_ONE_ENTITY);
        assertTrue(ArticleSimilarity.between(strike, sameStrike) > 0, "one person and the same vocabulary");
        assertEquals(0, ArticleSimilarity.between(strike, otherNews), "one person, other words");
    }

    @Test
    void surnameMatchesTheFullNameButNotAnotherFirstName() {
        NamedEntity full = NamedEntity.of(null, "PERSON", "Benjamin Netanyahu", 1);
        assertTrue(full.sameAs(NamedEntity.of(null, "PERSON", "Netanyahu", 1)));
        assertFalse(full.sameAs(NamedEntity.of(null, "PERSON", "Iddo Netanyahu", 1)));
        assertFalse(NamedEntity.of(null, "LOCATION", "Washington", 1).sameAs(NamedEntity.of(null, "ORGANIZATION", "Washington Post", 1)));
        assertTrue(NamedEntity.of(null, "LOCATION", "U.S.", 1).sameAs(NamedEntity.of(null, "LOCATION", "US", 1)));
    }

    @Test
    void matcherJoinsTheStoryAboveTheThresholdOrStartsANewOne() {
        StoryMatcher matcher = new StoryMatcher(THRESHOLD);
        ArticleProfile placed = dockStrike.inStory("story-1");
        ArticleProfile chess = sameCountryOnly.inStory("story-2");
        assertEquals("story-1", matcher.bestStory(sameStrikeElsewhere, List.of(placed, chess)).orElseThrow().storyId());
        assertTrue(matcher.bestStory(sameCountryOnly, List.of(placed)).isEmpty());
    }

    @Test
    void aStoryOfOneArticleScoresAsThatArticle() {
        StoryMatcher.Match match = new StoryMatcher(0).bestStory(sameStrikeElsewhere, List.of(dockStrike.inStory("story-1")))
                .orElseThrow();
        assertEquals(ArticleSimilarity.between(sameStrikeElsewhere, dockStrike), match.score(), 1e-9);
    }

    @Test
    void oneCloseArticleIsNotEnoughWhenTheRestOfTheStoryIsElsewhere() {
        ArticleProfile unrelatedButSameStory = article("Other", "Valmora port budget approved",
                "Valmora's council approved the Valmora Port Authority budget for next year, Marta Ilves said, "
                + "with funds for two new berths and a ferry terminal.")
                .entity("LOCATION", "Valmora", 0.9).entity("ORGANIZATION", "Valmora Port Authority", 0.8)
                .entity("PERSON", "Marta Ilves", 0.3).profile().inStory("story-1");
        double close = ArticleSimilarity.between(sameStrikeElsewhere, dockStrike);
        StoryMatcher.Match match = new StoryMatcher(0).bestStory(sameStrikeElsewhere,
                List.of(dockStrike.inStory("story-1"), unrelatedButSameStory)).orElseThrow();
        assertTrue(match.score() < close, "story " + match.score() + " against the close article alone " + close);
    }

    @Test
    void anArticleMatchingTheStoryAsAWholeJoinsItThoughEachArticleAloneFallsShort() {
        ArticleProfile victim = article("A", "Man shot dead in Harlow", "A man was shot dead outside a bar in Harlow late "
                + "on Friday, Essex Police said. Officers found Daniel Roe with gunshot wounds.")
                .entity("PERSON", "Daniel Roe", 0.9).entity("LOCATION", "Harlow", 0.7)
                .entity("ORGANIZATION", "Essex Police", 0.5).profile().inStory("story-1");
        ArticleProfile arrest = article("B", "Arrest after Harlow bar shooting", "Essex Police arrested a 24-year-old "
                + "man after the shooting outside a bar in Harlow; detective Anne Kell appealed for witnesses.")
                .entity("ORGANIZATION", "Essex Police", 0.8).entity("LOCATION", "Harlow", 0.7)
                .entity("PERSON", "Anne Kell", 0.6).profile().inStory("story-1");
        ArticleProfile later = article("C", "Harlow shooting: man held", "Daniel Roe was shot dead outside a bar; "
                + "detective Anne Kell said a man held after the shooting was being questioned.")
                .entity("PERSON", "Daniel Roe", 0.8).entity("PERSON", "Anne Kell", 0.7).profile();
        double average = (ArticleSimilarity.between(later, victim) + ArticleSimilarity.between(later, arrest)) / 2;
        StoryMatcher.Match match = new StoryMatcher(0).bestStory(later, List.of(victim, arrest)).orElseThrow();
        assertTrue(match.score() > average, "story " + match.score() + ", average over its articles " + average);
    }
}
