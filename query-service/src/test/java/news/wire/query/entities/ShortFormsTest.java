package news.wire.query.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ShortFormsTest {

    @Test
    void keysIgnoreCaseAccentsStopsAndHyphens() {
        assertEquals("us", ShortForms.key("U.S."));
        assertEquals("hewlett packard", ShortForms.key("Hewlett-Packard"));
        assertEquals("jose lopez", ShortForms.key("José  López"));
        assertEquals(List.of("obrien"), ShortForms.words("O'Brien"));
        assertTrue(ShortForms.isShort("Biden"));
        assertTrue(ShortForms.isShort("U.N."));
        assertFalse(ShortForms.isShort("Hewlett-Packard"));
    }

    @Test
    void aPersonGoesBySurnameOrGivenName() {
        assertTrue(ShortForms.standsFor("Biden", "Joe Biden", "PERSON"));
        assertTrue(ShortForms.standsFor("Regina Benjamin", "Regina M. Benjamin", "PERSON"));
        assertFalse(ShortForms.standsFor("Hunter Biden", "Joe Robinette Biden", "PERSON"));
        assertTrue(ShortForms.standsFor("Lindsay", "Lindsay Lohan", "PERSON"));
        assertFalse(ShortForms.standsFor("Hunter", "Joe Biden", "PERSON"));
        assertFalse(ShortForms.standsFor("Biden", "Biden", "PERSON"));
        assertTrue(ShortForms.standsFor("Joseph Comeaux", "Arcade Joseph Comeaux", "PERSON"));
        assertFalse(ShortForms.standsFor("Arcade Joseph Comeaux", "Joseph Comeaux", "PERSON"));
    }

    @Test
    void aPersonGoesByAFamiliarGivenNameAndWithoutAGenerationalSuffix() {
        assertTrue(ShortForms.standsFor("Mo Cheeks", "Maurice Cheeks", "PERSON"));
        assertTrue(ShortForms.standsFor("Fred LaRue", "Frederick C. LaRue", "PERSON"));
        assertFalse(ShortForms.standsFor("Maurice Cheeks", "Mo Cheeks", "PERSON"));
        assertFalse(ShortForms.standsFor("Alexandra Smith", "Alexander Smith", "PERSON"));
        assertTrue(ShortForms.standsFor("Comeaux", "Arcade Joseph Comeaux Jr.", "PERSON"));
        assertTrue(ShortForms.standsFor("W. Mark Felt", "W. Mark Felt Sr.", "PERSON"));
        assertFalse(ShortForms.standsFor("Jr", "Arcade Joseph Comeaux Jr.", "PERSON"));
        assertFalse(ShortForms.standsFor("W. Mark Felt Sr.", "W. Mark Felt", "PERSON"));
        // The registry finds the full name by any of these keys without an article having used both names.
        assertTrue(ShortForms.shortKeys("Maurice Cheeks", "PERSON").contains("mo cheeks"));
        assertTrue(ShortForms.shortKeys("Arcade Joseph Comeaux Jr.", "PERSON").containsAll(
                List.of("joseph comeaux", "arcade comeaux", "arcade joseph comeaux", "comeaux")));
        assertFalse(ShortForms.shortKeys("Arcade Joseph Comeaux Jr.", "PERSON").contains("jr"));
    }

    @Test
    void anOrganisationGoesByItsFirstWordOrItsInitials() {
        assertTrue(ShortForms.standsFor("HP", "Hewlett-Packard", "ORGANIZATION"));
        assertTrue(ShortForms.standsFor("Hewlett", "Hewlett-Packard Co", "ORGANIZATION"));
        assertTrue(ShortForms.standsFor("BoE", "Bank of England", "ORGANIZATION"));
        assertTrue(ShortForms.standsFor("FBI", "Federal Bureau of Investigation", "ORGANIZATION"));
        // Initials only when written in capitals: "Hp" is no acronym.
        assertFalse(ShortForms.standsFor("Hp", "Hewlett-Packard", "ORGANIZATION"));
        assertTrue(ShortForms.standsFor("Bluejays", "Creighton Bluejays", "ORGANIZATION"));
        assertTrue(ShortForms.standsFor("Red Sox", "Boston Red Sox", "ORGANIZATION"));
        // A generic head names a kind of organisation, not this one.
        assertFalse(ShortForms.standsFor("Bank", "Marfin Bank", "ORGANIZATION"));
        assertFalse(ShortForms.standsFor("Boston Red", "Boston Red Sox", "ORGANIZATION"));
        // Not the end of a conjunction the tagger took for one name, and an acronym is a name of its own.
        assertFalse(ShortForms.standsFor("International Monetary Fund", "European Union and International Monetary Fund",
                "ORGANIZATION"));
        assertFalse(ShortForms.standsFor("GATT", "GATT Council", "ORGANIZATION"));
    }

    @Test
    void aPlaceGoesOnlyByItsInitialsAndMiscNever() {
        assertTrue(ShortForms.standsFor("U.S.", "United States", "LOCATION"));
        assertTrue(ShortForms.standsFor("Qeshm", "Qeshm Island", "LOCATION"));
        assertTrue(ShortForms.standsFor("Mount Cook", "Aoraki Mount Cook", "LOCATION"));
        assertTrue(ShortForms.standsFor("Kestrel", "Kestrel Bay", "LOCATION"));
        assertFalse(ShortForms.standsFor("New", "New York", "LOCATION"));
        assertFalse(ShortForms.standsFor("York", "New York", "LOCATION"));
        assertFalse(ShortForms.standsFor("Israeli", "Israeli Army", "MISC"));
    }
}
