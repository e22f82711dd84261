package news.wire.query.entities;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** When a one-word name is an entity in its own right rather than a short form waiting for its full name. */
class StandingAloneTest {

    private static RegisteredEntity oneWord(String id, String name, List<String> aliases) {
        return new RegisteredEntity(id, "ORGANIZATION", name, false, aliases, aliases, List.of(), List.of());
    }

    @Test
    void aNameAlsoSeenWithItsLegalFormStandsAlone() {
        assertTrue(EntityIdentity.seenUnderAFullNameOfItsOwn(
                oneWord("organization:microsoft", "Microsoft", List.of("microsoft", "microsoft corp"))));
    }

    @Test
    void aNameOnlyEverSeenAloneIsStillAShortForm() {
        assertFalse(EntityIdentity.seenUnderAFullNameOfItsOwn(
                oneWord("person:kowalczyk", "Kowalczyk", List.of("kowalczyk"))));
    }

    @Test
    void aFullNameIsNeverAShortForm() {
        RegisteredEntity full = new RegisteredEntity("organization:boston-red-sox", "ORGANIZATION", "Boston Red Sox",
                true, List.of("boston red sox", "red sox"), List.of(), List.of(), List.of());
        assertFalse(EntityIdentity.seenUnderAFullNameOfItsOwn(full));
    }
}
