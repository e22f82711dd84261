package news.wire.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import news.wire.enrich.copy.ArticleField;

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

    @Test
    void everyEntityCarriesTheIdOfItsCanonicalName() {
        List<Entity> entities = tagger.tag("Biden meets allies",
                "President Joe Biden arrived in Warsaw on Friday. Biden said the alliance was united.");
        assertEquals("person:joe-biden", require(entities, "Joe Biden").id());
        for (Entity e : entities) {
            assertEquals(EntityId.of(e.type(), e.name()), e.id());
        }
    }

    @Test
    void aFirstNameAloneJoinsTheOnePersonOfThatName() {
        List<Entity> entities = tagger.tag("Comeback",
                "Lindsay Lohan arrived in Paris on Monday for the premiere. Lindsay said she was happy to be back.");
        Entity person = require(entities, "Lindsay Lohan");
        assertEquals(2, person.mentions().size(), () -> person.mentions().toString());
        assertFalse(named(entities, "Lindsay").isPresent(), entities::toString);
    }

    @Test
    void aFirstNameSharedByTwoPeopleStaysApart() {
        List<Entity> entities = tagger.tag("Two Lindsays",
                "Lindsay Lohan and Lindsay Davenport met in Paris on Monday. Lindsay said they would play tennis.");
        assertEquals(1, require(entities, "Lindsay Lohan").mentions().size(), entities::toString);
        assertEquals(1, require(entities, "Lindsay Davenport").mentions().size(), entities::toString);
    }

    @Test
    void anAcronymJoinsTheHyphenatedNameItAbbreviates() {
        List<Entity> entities = tagger.tag("Job cuts",
                "Hewlett-Packard Co. said on Monday that it would cut 5,000 jobs. HP shares rose 3 percent.");
        Entity company = require(entities, "Hewlett-Packard Co.");
        assertEquals(EntityType.ORGANIZATION, company.type());
        assertEquals("organization:hewlett-packard", company.id());
        assertEquals(2, company.mentions().size(), () -> company.mentions().toString());
        assertTrue(entities.stream().noneMatch(e -> e.name().equals("Hewlett") || e.name().startsWith("Packard")),
                entities::toString);
    }

    @Test
    void hyphenatedNamesStayWhole() {
        String body = "T-Mobile agreed to buy spectrum from Coca-Cola's former partner, and Rolls-Royce said on "
                + "Tuesday it would supply engines.";
        List<Entity> entities = tagger.tag("Deals", body);
        assertEquals(EntityType.ORGANIZATION, require(entities, "T-Mobile").type());
        assertTrue(named(entities, "Rolls-Royce").isPresent(), entities::toString);
        assertTrue(entities.stream().noneMatch(e -> List.of("T", "Mobile", "Coca", "Cola", "Rolls", "Royce")
                .contains(e.name())), entities::toString);
    }

    @Test
    void theDatelineIsAMentionOfItsPlace() {
        String body = "KESTREL BAY, Nov 20 - The harbour at Kestrel Bay stayed closed on Friday after the storm.";
        List<Entity> entities = tagger.tag("Harbour closed", body);
        Entity place = require(entities, "Kestrel Bay");
        assertEquals(EntityType.LOCATION, place.type());
        assertEquals(List.of("KESTREL BAY", "Kestrel Bay"), place.mentions().stream().map(Mention::text).toList());
        assertEquals(1, entities.stream().filter(e -> e.name().equalsIgnoreCase("Kestrel Bay")).count(),
                entities::toString);
    }

    @Test
    void aPlaceNamedOnlyInTheDatelineIsWrittenInTitleCase() {
        List<Entity> entities = tagger.tag("Talks resume",
                "KESTREL BAY (Harbour Wire) - Negotiators met again on Friday.");
        Entity place = require(entities, "Kestrel Bay");
        assertEquals(EntityType.LOCATION, place.type());
        assertEquals("location:kestrel-bay", place.id());
        assertEquals("KESTREL BAY", place.mentions().get(0).text());
    }

    @Test
    void wellKnownNamesHaveOneNameInEveryArticle() {
        List<Entity> entities = tagger.tag("Sanctions",
                "The U.S. and Britain announced new sanctions on Monday. The United States said the UK would "
                        + "coordinate with the EU.");
        Entity us = require(entities, "United States");
        assertEquals("location:united-states", us.id());
        assertEquals(2, us.mentions().size(), () -> us.mentions().toString());
        Entity uk = require(entities, "United Kingdom");
        assertEquals(2, uk.mentions().size(), () -> uk.mentions().toString());
        assertEquals("organization:european-union", require(entities, "European Union").id());
    }

    @Test
    void titleCaseSubheadFragmentsAreNotEntities() {
        String body = "Fishing boats stayed in port at Valmora on Friday, harbour officials said.\n\n"
                + "Crews Wait As Storm Nears Coast\n\n"
                + "Skipper Ana Ribeiro said the fleet would wait in Valmora until the wind dropped.";
        List<Entity> entities = tagger.tag("Fleet stays in port", body);
        int subhead = body.indexOf("Crews");
        int subheadEnd = body.indexOf('\n', subhead);
        for (Entity e : entities) {
            for (Mention m : e.mentions()) {
                assertFalse(m.field() == ArticleField.BODY && m.start() < subheadEnd && m.end() > subhead,
                        () -> "subhead fragment " + e);
            }
        }
        assertTrue(named(entities, "Ana Ribeiro").isPresent(), entities::toString);
    }

    @Test
    void aWebPageTitleWithAKickerIsASubheadToo() {
        String body = "Forecast: Harriers Will Land Okonkwo Before Spring\n"
                + "The Dunmore Harriers have offered midfielder Chidi Okonkwo a three-year contract, the club said.";
        List<Entity> entities = tagger.tag("Monday, 3 March", body);
        assertTrue(named(entities, "Chidi Okonkwo").isPresent(), entities::toString);
        for (Entity e : entities) {
            assertFalse(e.name().contains("Will") || e.name().contains("Land"), () -> "title fragment " + e);
        }
    }

    @Test
    void aFeatureOfAPlaceIsOnePlace() {
        List<Entity> entities = tagger.tag("Tanker freed",
                "Navies escorted the tanker through the Gulf of Aden on Tuesday. Traffic in the Gulf of Aden "
                        + "fell after the attacks, and a patrol boat stopped near the Island of Qeshm.");
        Entity gulf = require(entities, "Gulf of Aden");
        assertEquals(EntityType.LOCATION, gulf.type());
        assertTrue(named(entities, "Aden").isEmpty(), entities::toString);
        assertEquals(EntityType.LOCATION, require(entities, "Island of Qeshm").type());
    }

    @Test
    void aCapitalisedTheTheTaggerKeptStaysInTheName() {
        List<Entity> entities = tagger.tag("", "The report appeared in The Times on Monday. The Times said the "
                + "minister had resigned, and Times reporters confirmed it.");
        Entity paper = require(entities, "The Times");
        assertEquals("organization:times", paper.id(), "the id still drops a leading The");
        assertEquals(List.of("The Times", "The Times", "Times"), paper.mentions().stream().map(Mention::text).toList(),
                "with and without The, one entity");
    }

    @Test
    void copyPastedWithItsHeadlineStillHasItsDateline() {
        String body = "HARBOUR STAYS SHUT AFTER STORM\nKESTREL BAY, Nov 20 - Negotiators met again on Friday.";
        Entity place = require(tagger.tag("", body), "Kestrel Bay");
        assertEquals(EntityType.LOCATION, place.type());
        assertEquals("KESTREL BAY", place.mentions().get(0).text());

        String story = "Crews worked through the night.\nKESTREL BAY, Nov 20 - Negotiators met again on Friday.";
        assertEquals(Optional.empty(), DatelinePlace.in(story), "a first line in sentence case is the story itself");
    }
}
