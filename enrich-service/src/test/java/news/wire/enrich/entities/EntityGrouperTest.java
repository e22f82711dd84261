package news.wire.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import news.wire.enrich.copy.ArticleField;

/** The grouper on spans given by hand, for rules whose input the CRF does not produce on demand. */
class EntityGrouperTest {

    private final EntityGrouper grouper = new EntityGrouper();

    private static NameSpan span(String body, String text, int from, EntityType type) {
        int start = body.indexOf(text, from);
        return new NameSpan(ArticleField.BODY, start, start + text.length(), text, type);
    }

    private static List<String> texts(Entity entity) {
        return entity.mentions().stream().map(Mention::text).toList();
    }

    @Test
    void aDatelineStaysAPlaceWhenTheBodyUsesItsNameForATeam() {
        String body = "NEW YORK, Aug 22 - New York beat Chicago 5-3. New York lead the division.";
        NameSpan dateline = span(body, "NEW YORK", 0, EntityType.LOCATION);
        List<NameSpan> spans = List.of(span(body, "New York", 0, EntityType.ORGANIZATION),
                span(body, "Chicago", 0, EntityType.ORGANIZATION),
                span(body, "New York", body.indexOf("Chicago"), EntityType.ORGANIZATION));
        List<Entity> entities = grouper.group("", List.of(), spans, Optional.of(dateline), body.length());

        Entity place = entities.stream().filter(e -> e.type() == EntityType.LOCATION).findFirst().orElseThrow();
        assertEquals(List.of("NEW YORK"), texts(place));
        assertEquals("location:new-york", place.id());
        Entity team = entities.stream().filter(e -> e.id().equals("organization:new-york")).findFirst().orElseThrow();
        assertEquals(List.of("New York", "New York"), texts(team));
    }

    @Test
    void aDatelineJoinsTheBodysUsesWhenTheyAreThePlaceToo() {
        String body = "KESTREL BAY, Nov 20 - Fog closed Kestrel Bay harbour; Kestrel Bay ferries stayed in port.";
        NameSpan dateline = span(body, "KESTREL BAY", 0, EntityType.LOCATION);
        List<NameSpan> spans = List.of(span(body, "Kestrel Bay", 0, EntityType.LOCATION),
                span(body, "Kestrel Bay", body.indexOf("harbour"), EntityType.ORGANIZATION));
        List<Entity> entities = grouper.group("", List.of(), spans, Optional.of(dateline), body.length());

        assertEquals(1, entities.size(), entities::toString);
        assertEquals(EntityType.LOCATION, entities.get(0).type());
        assertEquals(List.of("KESTREL BAY", "Kestrel Bay", "Kestrel Bay"), texts(entities.get(0)));
    }
}
