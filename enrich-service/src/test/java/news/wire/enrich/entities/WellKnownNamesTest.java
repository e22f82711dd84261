package news.wire.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class WellKnownNamesTest {

    private static final WellKnownNames.KnownName UNITED_STATES =
            new WellKnownNames.KnownName(EntityType.LOCATION, "United States");

    @Test
    void abbreviationsAndVariantsGoByOneName() {
        for (String form : List.of("U.S.", "US", "USA", "U.S.A.", "United States", "United States of America")) {
            assertEquals(Optional.of(UNITED_STATES), WellKnownNames.of(form), form);
        }
        for (String form : List.of("U.K.", "UK", "Britain", "Great Britain", "United Kingdom")) {
            assertEquals("United Kingdom", WellKnownNames.of(form).orElseThrow().name(), form);
        }
        assertEquals(new WellKnownNames.KnownName(EntityType.ORGANIZATION, "United Nations"),
                WellKnownNames.of("U.N.").orElseThrow());
        assertEquals("NATO", WellKnownNames.of("Nato").orElseThrow().name());
        assertEquals("European Union", WellKnownNames.of("E.U.").orElseThrow().name());
    }

    @Test
    void acronymsMatchOnlyInCapitalsWhileNamesMatchInAnyCase() {
        assertFalse(WellKnownNames.of("us").isPresent());
        assertFalse(WellKnownNames.of("Us").isPresent());
        assertFalse(WellKnownNames.of("who").isPresent());
        assertEquals(Optional.of(UNITED_STATES), WellKnownNames.of("UNITED STATES"));
    }

    @Test
    void aMentionNamesTheEntityOnlyWhenItsTypeFits() {
        assertEquals(Optional.of(UNITED_STATES),
                WellKnownNames.of("U.S.", EntityType.ORGANIZATION, List.of("U.S.")), "the canonical name decides");
        assertEquals("NATO", WellKnownNames.of("North Atlantic Alliance", EntityType.ORGANIZATION,
                List.of("North Atlantic Alliance", "NATO")).orElseThrow().name());
        assertFalse(WellKnownNames.of("United States Senate", EntityType.ORGANIZATION,
                List.of("United States Senate", "United States")).isPresent());
    }
}
