package news.wire.query.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EntityCountsTest {

    private static final RegisteredEntity JOE_BIDEN = new RegisteredEntity("person:joe-biden", "PERSON", "Joe Biden",
            true, List.of("joe biden", "biden"), List.of("joe biden", "biden"), List.of(), List.of("joe", "biden"));

    @Test
    void aShortFormStandingAloneAddsToTheEntityItNowStandsFor() {
        List<EntityCounts.Counted> counted = List.of(
                new EntityCounts.Counted("person:joe-biden", "PERSON", "Joe Biden", 2, 9),
                new EntityCounts.Counted("location:gaza", "LOCATION", "Gaza", 3, 3),
                new EntityCounts.Counted("person:biden", "PERSON", "Biden", 2, 8));
        List<EntityCounts.Counted> folded = EntityCounts.fold(counted,
                Map.of("person:biden", JOE_BIDEN, "person:joe-biden", JOE_BIDEN), EntityCounts.BY_ARTICLES, 10);
        assertEquals(List.of(new EntityCounts.Counted("person:joe-biden", "PERSON", "Joe Biden", 4, 17),
                new EntityCounts.Counted("location:gaza", "LOCATION", "Gaza", 3, 3)), folded);
    }

    @Test
    void ordersAndCuts() {
        List<EntityCounts.Counted> counted = List.of(
                new EntityCounts.Counted("a", "PERSON", "A", 1, 10),
                new EntityCounts.Counted("b", "PERSON", "B", 2, 2),
                new EntityCounts.Counted("c", "PERSON", "C", 2, 3));
        assertEquals(List.of("c", "b"), EntityCounts.fold(counted, Map.of(), EntityCounts.BY_ARTICLES, 2).stream()
                .map(EntityCounts.Counted::id).toList());
        assertEquals(List.of("a", "c"), EntityCounts.fold(counted, Map.of(), EntityCounts.BY_MENTIONS, 2).stream()
                .map(EntityCounts.Counted::id).toList());
    }
}
