package news.wire.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import news.wire.enrich.copy.ArticleField;

class CapitalisedNameTaggerTest {

    private final CapitalisedNameTagger tagger = new CapitalisedNameTagger();

    private static Optional<Entity> named(List<Entity> entities, String name) {
        return entities.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    @Test
    void titlesAreNotPartOfTheName() {
        List<Entity> entities = tagger.tag("Talks resume",
                "Talks resumed on Sunday, Fleet Commissioner Aldo Verhoeven said. Verhoeven spoke in Lisbon.");
        Entity person = named(entities, "Aldo Verhoeven").orElseThrow(() -> new AssertionError(entities));
        assertEquals(EntityType.PERSON, person.type());
        assertEquals(2, person.mentions().size(), "the surname alone joins the full name");
        assertFalse(named(entities, "Fleet Commissioner Aldo Verhoeven").isPresent());
    }

    @Test
    void aTitleFollowedOnlyByParticlesIsNoName() {
        // "De La" are particles of a name that never comes: nothing is left after the title.
        List<Entity> entities = tagger.tag("Talks resume",
                "The talks were opened by President de La on Sunday, and Aldo Verhoeven closed them.");
        assertTrue(named(entities, "Aldo Verhoeven").isPresent(), entities::toString);
        assertTrue(entities.stream().noneMatch(e -> e.name().contains("La")), entities::toString);
    }

    @Test
    void shortFormJoinsFullNameIntroducedWithTitle() {
        List<Entity> entities = tagger.tag("Marrow visits the dam",
                "President Helen Marrow toured the dam on Friday. Marrow said the repairs would take a year.");
        Entity person = named(entities, "Helen Marrow").orElseThrow(() -> new AssertionError(entities));
        assertEquals(EntityType.PERSON, person.type());
        assertEquals(3, person.mentions().size(), "headline, full name and short form");
        Mention inHeadline = person.mentions().get(0);
        assertEquals(ArticleField.HEADLINE, inHeadline.field());
        assertEquals("Marrow", "Marrow visits the dam".substring(inHeadline.start(), inHeadline.end()));
    }

    @Test
    void offsetsPointAtTheMentionInItsField() {
        String body = "Shares of Kestrel Holdings fell in Oslo after the Bank of Norway raised rates.";
        List<Entity> entities = tagger.tag("Rates rise", body);
        assertFalse(entities.isEmpty());
        for (Entity entity : entities) {
            for (Mention m : entity.mentions()) {
                assertEquals(m.text(), body.substring(m.start(), m.end()));
            }
        }
        assertEquals(EntityType.ORGANIZATION, named(entities, "Kestrel Holdings").orElseThrow().type());
        assertEquals(EntityType.ORGANIZATION, named(entities, "Bank of Norway").orElseThrow().type());
        assertEquals(EntityType.LOCATION, named(entities, "Oslo").orElseThrow().type());
    }

    @Test
    void pronounsAndSentenceOpenersAreNeverEntities() {
        List<Entity> entities = tagger.tag("Storm Hits Coast Towns As Crews Wait",
                "He said it was over. They left on Monday. The crews returned in March.");
        assertTrue(entities.isEmpty(), () -> "expected none, got " + entities);
    }

    @Test
    void titleCaseHeadlineFragmentsAreNotOrganisations() {
        List<Entity> entities = tagger.tag("Port Authority Chief Warns Of Long Delays",
                "Ships queued outside Valmora on Tuesday.");
        assertTrue(entities.stream().noneMatch(e -> e.name().contains("Warns") || e.name().contains("Delays")),
                () -> entities.toString());
    }

    @Test
    void possessiveIsNotPartOfTheName() {
        List<Entity> entities = tagger.tag("Plan", "Officials discussed Teodor Lind's plan. Lind's aides agreed.");
        Entity person = named(entities, "Teodor Lind").orElseThrow(() -> new AssertionError(entities));
        assertEquals(2, person.mentions().size());
        assertEquals("Lind", person.mentions().get(1).text());
    }

    @Test
    void mostNamedEntityIsMostSalient() {
        List<Entity> entities = tagger.tag("Verhoeven Resigns",
                "Aldo Verhoeven resigned in Lisbon. Verhoeven told reporters he was tired. Verhoeven left.");
        assertEquals("Aldo Verhoeven", entities.get(0).name());
        assertTrue(entities.get(0).salience() > entities.get(entities.size() - 1).salience()
                || entities.size() == 1);
    }

    @Test
    void datelineInCapitalsJoinsTheNameAndNumberWordsAreNotNames() {
        List<Entity> entities = tagger.tag("Ferry hits pier",
                "DUNMORE HARBOUR, Nov 20 - Eleven people were hurt when a ferry hit a pier in Dunmore Harbour, "
                        + "Harbourmaster Ines Calder said.");
        Entity place = named(entities, "Dunmore Harbour").orElseThrow(() -> new AssertionError(entities));
        assertEquals(2, place.mentions().size(), () -> entities.toString());
        assertTrue(named(entities, "Eleven").isEmpty(), () -> entities.toString());
        assertEquals(EntityType.PERSON, named(entities, "Ines Calder").orElseThrow(() -> new AssertionError(entities)).type());
    }

    @Test
    void companyWordsMakeOrganisations() {
        List<Entity> entities = tagger.tag("Ferry", "The vessel, run by Tessaly Lines, left on time.");
        assertEquals(EntityType.ORGANIZATION, named(entities, "Tessaly Lines").orElseThrow(() -> new AssertionError(entities)).type());
    }
}
