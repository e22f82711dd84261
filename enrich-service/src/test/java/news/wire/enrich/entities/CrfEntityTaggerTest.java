package news.wire.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CrfEntityTaggerTest {

    private static CrfEntityTagger tagger;

    @BeforeAll
    static void loadModel() {
        tagger = new CrfEntityTagger();
    }

    private static Optional<Entity> named(List<Entity> entities, String name) {
        return entities.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    private static Entity require(List<Entity> entities, String name) {
        return named(entities, name).orElseThrow(() -> new AssertionError("no " + name + " in " + entities));
    }

    @Test
    void shortFormsJoinTheFullName() {
        List<Entity> entities = tagger.tag("Biden meets allies",
                "President Joe Biden arrived in Warsaw on Friday. Biden said the alliance was united.");
        Entity person = require(entities, "Joe Biden");
        assertEquals(EntityType.PERSON, person.type());
        assertEquals(3, person.mentions().size(), () -> person.mentions().toString());
        assertFalse(named(entities, "Biden").isPresent(), "the short form is not an entity of its own");
        assertFalse(named(entities, "President Joe Biden").isPresent(), "the title is not part of the name");
        assertEquals(EntityType.LOCATION, require(entities, "Warsaw").type());
    }

    @Test
    void titlesAndRolesAreNotPartOfTheName() {
        List<Entity> entities = tagger.tag("Talks on Gaza",
                "US National Security Advisor Jake Sullivan met officials in Cairo on Tuesday.");
        Entity person = require(entities, "Jake Sullivan");
        assertEquals(EntityType.PERSON, person.type());
        assertTrue(entities.stream().noneMatch(e -> e.name().contains("Advisor")), entities::toString);
    }

    @Test
    void aNameNeverRunsAcrossAParagraphBreak() {
        String body = "By Dana Whitcombe, Coastal Press Agency\n\nThe Lower Varnmoor Maritime Authority will report on "
                + "the collision by the end of March.";
        List<Entity> entities = tagger.tag("Inquiry into pier crash", body);
        assertTrue(entities.stream().noneMatch(e -> e.name().contains("Agency") && e.name().contains("Varnmoor")),
                entities::toString);
        for (Entity entity : entities) {
            for (Mention mention : entity.mentions()) {
                assertFalse(body.substring(mention.start(), mention.end()).contains("\n"), entities::toString);
            }
        }
    }

    @Test
    void pronounsAreNeverEntities() {
        List<Entity> entities = tagger.tag("He Said She Said",
                "He told reporters she would not run. They said it was over and We agreed. I know.");
        assertTrue(entities.stream().noneMatch(e -> List.of("He", "She", "They", "We", "I", "It").contains(e.name())),
                entities::toString);
    }

    @Test
    void titleCaseHeadlineFragmentsAreNotOrganisations() {
        String headline = "Israel Strikes Hit Gaza As Ceasefire Talks Stall In Cairo";
        List<Entity> entities = tagger.tag(headline,
                "Israeli aircraft struck targets in Gaza overnight, as negotiators in Cairo failed to agree. "
                        + "Israel said the strikes targeted militants.");
        assertTrue(entities.stream().noneMatch(e -> e.name().contains("Strikes") || e.name().contains("Talks")),
                entities::toString);
        Entity gaza = require(entities, "Gaza");
        assertTrue(gaza.mentions().stream().anyMatch(m -> m.field() == ArticleField.HEADLINE),
                "names from the body are found again in the headline");
        for (Entity e : entities) {
            for (Mention m : e.mentions()) {
                if (m.field() == ArticleField.HEADLINE) {
                    assertEquals(m.text(), headline.substring(m.start(), m.end()));
                }
            }
        }
    }

    @Test
    void sentenceCaseHeadlinesAreTaggedOnTheirOwn() {
        List<Entity> entities = tagger.tag("Shares in Siemens fall after warning from Munich",
                "The company cut its forecast on Thursday.");
        assertEquals(EntityType.ORGANIZATION, require(entities, "Siemens").type());
        assertEquals(ArticleField.HEADLINE, require(entities, "Siemens").mentions().get(0).field());
    }

    @Test
    void acronymsJoinTheirOrganisation() {
        List<Entity> entities = tagger.tag("Aid",
                "The United Nations sent supplies to Sudan on Monday. The UN agency said more were needed.");
        Entity who = require(entities, "United Nations");
        assertEquals(EntityType.ORGANIZATION, who.type());
        assertEquals(2, who.mentions().size(), () -> who.mentions().toString());
    }

    @Test
    void offsetsPointAtTheMentionInItsField() {
        String body = "Shares of Volkswagen fell in Frankfurt after Chief Executive Oliver Blume spoke to Reuters.";
        List<Entity> entities = tagger.tag("Markets", body);
        assertFalse(entities.isEmpty());
        for (Entity entity : entities) {
            for (Mention m : entity.mentions()) {
                assertEquals(m.text(), body.substring(m.start(), m.end()));
            }
        }
        assertEquals(EntityType.PERSON, require(entities, "Oliver Blume").type());
    }

    @Test
    void taggingFromSeveralThreadsGivesWhatOneThreadGives() throws Exception {
        // The service shares one model between its workers, so concurrent use must not change a single tag.
        List<String> bodies = List.of(
                "Angela Merkel arrived in Paris on Monday and met Emmanuel Macron at the Elysee Palace.",
                "Shares of Volkswagen fell in Frankfurt after Chief Executive Oliver Blume spoke to Reuters.",
                "The United Nations sent supplies to Sudan on Monday. The UN agency said more were needed.",
                "President Joe Biden arrived in Warsaw on Friday. Biden said the alliance was united.",
                "Manchester United beat Arsenal 2-1 at Old Trafford, with Marcus Rashford scoring twice.");
        List<List<Entity>> expected = bodies.stream().map(b -> tagger.tag("News", b)).toList();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> checks = new java.util.ArrayList<>();
            for (int round = 0; round < 40; round++) {
                int i = round % bodies.size();
                checks.add(pool.submit(() -> tagger.tag("News", bodies.get(i)).equals(expected.get(i))));
            }
            for (var check : checks) {
                assertTrue(check.get(), "a concurrent run tagged differently");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void salienceRanksTheMainSubjectFirst() {
        List<Entity> entities = tagger.tag("Merkel visits Paris",
                "Angela Merkel arrived in Paris on Monday. Merkel met Emmanuel Macron. Merkel later left for Berlin.");
        assertEquals("Angela Merkel", entities.get(0).name(), entities::toString);
        for (Entity e : entities) {
            assertTrue(e.salience() > 0 && e.salience() <= 1, e::toString);
        }
    }
}
