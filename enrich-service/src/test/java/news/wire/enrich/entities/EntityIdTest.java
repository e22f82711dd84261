package news.wire.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EntityIdTest {

    @Test
    void typeAndSlugOfTheCanonicalName() {
        assertEquals("person:joe-biden", EntityId.of(EntityType.PERSON, "Joe Biden"));
        assertEquals("organization:hewlett-packard", EntityId.of(EntityType.ORGANIZATION, "Hewlett-Packard"));
        assertEquals("location:united-states", EntityId.of(EntityType.LOCATION, "United States"));
        assertEquals("misc:israeli", EntityId.of(EntityType.MISC, "Israeli"));
    }

    @Test
    void fullStopsAndApostrophesKeepAWordWhole() {
        assertEquals("us", EntityId.slug("U.S."));
        assertEquals("obrien", EntityId.slug("O'Brien"));
        assertEquals("obrien", EntityId.slug("O’Brien"));
        assertEquals("procter-gamble-co", EntityId.slug("Procter & Gamble Co."));
    }

    @Test
    void accentsFoldAndOtherScriptsSurvive() {
        assertEquals("jose-maria-aznar", EntityId.slug("José María Aznar"));
        assertEquals("zurich", EntityId.slug("Zürich"));
        assertEquals("владимир-путин", EntityId.slug("Владимир Путин"));
        assertEquals("北京", EntityId.slug("北京"));
        // NFKD also folds compatibility forms: a ligature or full-width letters are the same name.
        assertEquals("office", EntityId.slug("Oﬃce"));
    }

    @Test
    void runsOfSpaceAndPunctuationBecomeOneDashNeverAtTheEdges() {
        assertEquals("kestrel-bay", EntityId.slug("  Kestrel \t Bay -- "));
        assertEquals("g20", EntityId.slug("G20"));
    }

    @Test
    void everyIdFitsTheContractPattern() {
        for (String name : new String[] {"&", "...", "Joe Biden", "U.S."}) {
            String id = EntityId.of(EntityType.ORGANIZATION, name);
            assertTrue(id.matches("^(person|organization|location|misc):[^\\s]+$"), id);
        }
    }

    @Test
    void variantsOfOneNameShareTheId() {
        assertEquals(EntityId.of(EntityType.ORGANIZATION, "Microsoft"), EntityId.of(EntityType.ORGANIZATION, "Microsoft Corp."));
        assertEquals("organization:procter-gamble", EntityId.of(EntityType.ORGANIZATION, "Procter & Gamble Co."));
        assertEquals("organization:harry-winston-diamond", EntityId.of(EntityType.ORGANIZATION, "Harry Winston Diamond Corp. Inc."));
        assertEquals(EntityId.of(EntityType.ORGANIZATION, "Betty Ford Center"), EntityId.of(EntityType.ORGANIZATION, "Betty Ford Centre"));
        assertEquals(EntityId.of(EntityType.LOCATION, "Mount Cook"), EntityId.of(EntityType.LOCATION, "Mt. Cook"));
        assertEquals("location:saint-louis", EntityId.of(EntityType.LOCATION, "St Louis"));
        assertEquals(EntityId.of(EntityType.ORGANIZATION, "New York Times"), EntityId.of(EntityType.ORGANIZATION, "The New York Times"));
    }

    @Test
    void whatNamesTheEntityStays() {
        // A legal form alone, or "The" alone, is the whole name; a person's "St" is no saint.
        assertEquals("organization:co", EntityId.of(EntityType.ORGANIZATION, "Co."));
        assertEquals("organization:the", EntityId.of(EntityType.ORGANIZATION, "The"));
        assertEquals("person:st-clair", EntityId.of(EntityType.PERSON, "St Clair"));
        assertEquals("location:sa", EntityId.of(EntityType.LOCATION, "SA"));
    }
}
