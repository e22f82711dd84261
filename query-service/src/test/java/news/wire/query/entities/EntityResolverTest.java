package news.wire.query.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** How an article's names take the ids of the entities the nearby articles already know, without the registry. */
class EntityResolverTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final EntityResolver.Knowledge NOTHING_REGISTERED =
            new EntityResolver.Knowledge(Map.of(), Map.of(), Set.of());

    private final ObjectMapper json = new ObjectMapper();
    private final EntityResolver resolver = new EntityResolver(null);
    private NearbyEntities nearby;
    private int articles;

    @BeforeEach
    void noArticlesYet() {
        nearby = new NearbyEntities();
    }

    private void nearbyArticle(EntityRef... entities) {
        articles++;
        nearby.add("nearby-" + articles, NOW.minus(Duration.ofHours(articles)), () -> List.of(entities));
    }

    private static EntityRef entity(String type, String name) {
        return new EntityRef(type.toLowerCase() + ":" + String.join("-", ShortForms.words(name)), type, name);
    }

    /** The id the name takes in an article of its own. */
    private String resolved(String type, String name) {
        ObjectNode article = json.createObjectNode();
        ObjectNode e = article.putArray("entities").addObject();
        EntityRef ref = entity(type, name);
        e.put("id", ref.id()).put("type", type).put("name", name);
        resolver.resolve(article, new EntityResolver.Nearby(nearby, NOW, Duration.ofDays(3)), NOTHING_REGISTERED);
        return article.get("entities").get(0).get("id").asText();
    }

    @Test
    void aSurnameTakesTheOnePersonEvenWhenNearbyArticlesCallHimByAFamiliarName() {
        nearbyArticle(entity("PERSON", "Maurice Cheeks"));
        nearbyArticle(entity("PERSON", "Mo Cheeks"));
        assertEquals("person:maurice-cheeks", resolved("PERSON", "Cheeks"));
        assertEquals("person:maurice-cheeks", resolved("PERSON", "Mo Cheeks"));
    }

    @Test
    void aSurnameShowsTwoPeopleApart() {
        nearbyArticle(entity("PERSON", "Chris Weitz"));
        nearbyArticle(entity("PERSON", "Paul Weitz"));
        assertEquals("person:weitz", resolved("PERSON", "Weitz"));
    }

    @Test
    void anOrganisationsFirstWordIsTheFullerNameUnlessNearbyArticlesMostlyUseItAlone() {
        nearbyArticle(entity("ORGANIZATION", "Hewlett-Packard"));
        assertEquals("organization:hewlett-packard", resolved("ORGANIZATION", "Hewlett"));
        nearbyArticle(entity("ORGANIZATION", "Microsoft Word"));
        nearbyArticle(entity("ORGANIZATION", "Microsoft"));
        assertEquals("organization:microsoft", resolved("ORGANIZATION", "Microsoft"), "the company, not its product");
        nearbyArticle(entity("ORGANIZATION", "HP"));
        nearbyArticle(entity("ORGANIZATION", "HP"));
        assertEquals("organization:hewlett-packard", resolved("ORGANIZATION", "HP"), "initials are a short form");
    }

    @Test
    void aNameOfSeveralWordsTakesTheTypeItHasNearby() {
        nearbyArticle(entity("LOCATION", "Mediterranean Sea"));
        nearbyArticle(entity("ORGANIZATION", "Phil Ford"));
        assertEquals("location:mediterranean-sea", resolved("MISC", "Mediterranean Sea"));
        assertEquals("organization:phil-ford", resolved("PERSON", "Phil Ford"));
    }

    @Test
    void aOneWordNameTakesAnotherTypeOnlyWhenMostNearbyArticlesUseIt() {
        nearbyArticle(entity("ORGANIZATION", "Creighton"));
        assertEquals("person:creighton", resolved("PERSON", "Creighton"), "one article is no majority");
        nearbyArticle(entity("ORGANIZATION", "Creighton"));
        assertEquals("organization:creighton", resolved("PERSON", "Creighton"));
        nearbyArticle(entity("PERSON", "Creighton"));
        nearbyArticle(entity("PERSON", "Creighton"));
        assertEquals("person:creighton", resolved("PERSON", "Creighton"), "as many use this type as the other");
    }
}
