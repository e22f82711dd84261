package news.wire.query.entities;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import news.wire.query.stories.RealEnrichment;
import news.wire.query.stories.SharedCopy;
import news.wire.testkit.KafkaTestClient;
import news.wire.testkit.MessageContract;

/**
 * One identity per real-world entity, through real enrichment, Kafka, the indexer and Elasticsearch: the shared
 * seeds (five outlets; one names only "Biden", another mostly "Netanyahu") are found by every name and by id, and
 * listed once; a short form indexed before anyone knew its full name joins it later, and leaves it again when a
 * second full name with that surname appears.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EntityIdentityTest {

    private static final Duration INDEXED_WITHIN = Duration.ofSeconds(30);
    /** A week of its own, apart from the other tests' copy, so searches here see only these articles. */
    private static final Instant SEEDS_FROM = Instant.parse("2025-02-10T06:00:00Z");
    private static final String SEEDS_TO = "2025-02-13";
    private static final Instant PORT_COPY = Instant.parse("2025-06-02T08:00:00Z");

    private static boolean seedsIndexed;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    @Order(1)
    void everyNameAndTheIdOfAPersonFindTheSameSources() {
        Optional<Path> seeds = SharedCopy.folder("seeds");
        assumeTrue(seeds.isPresent(), "No shared seeds beside the repository (../shared/seeds or -Dwire.shared)");
        List<Path> files = SharedCopy.textFiles(seeds.get());
        for (int i = 0; i < files.size(); i++) {
            String[] text = SharedCopy.headlineAndBody(files.get(i));
            ObjectNode article = RealEnrichment.get().enrich("Outlet " + (char) ('A' + i), text[0], text[1],
                    SEEDS_FROM.plus(Duration.ofHours(5L * i)));
            // Received now, so the dashboard's last hours include them.
            article.put("receivedAt", Instant.now().toString());
            publishAndAwait(article);
        }
        seedsIndexed = true;

        await().atMost(INDEXED_WITHIN).untilAsserted(() -> {
            Set<String> biden = sourcesNaming("Joe Biden");
            assertEquals(Set.of("Outlet A", "Outlet B", "Outlet C", "Outlet D"), biden, "the four seeds naming Biden");
            assertEquals(biden, sourcesNaming("Biden"));
            assertEquals(biden, sourcesNaming("person:joe-biden"));

            Set<String> netanyahu = sourcesNaming("Benjamin Netanyahu");
            assertEquals(Set.of("Outlet A", "Outlet B", "Outlet C", "Outlet D", "Outlet E"), netanyahu);
            assertEquals(netanyahu, sourcesNaming("Netanyahu"));
            assertEquals(netanyahu, sourcesNaming("person:benjamin-netanyahu"));
        });
    }

    @Test
    @Order(2)
    void theDashboardFacetsAndCompletionShowEachPersonOnce() {
        assumeTrue(seedsIndexed, "seeds not indexed");
        List<String> people = given().queryParam("hours", 1).queryParam("size", 20).get("/v1/dashboard/entities")
                .then().statusCode(200).extract().path("byType.PERSON.name");
        assertEquals(1, people.stream().filter("Joe Biden"::equals).count(), "Joe Biden once: " + people);
        assertEquals(1, people.stream().filter("Benjamin Netanyahu"::equals).count(), "Netanyahu once: " + people);
        assertTrue(!people.contains("Biden") && !people.contains("Netanyahu"), "no short forms listed: " + people);

        JsonPath facets = given().queryParam("from", SEEDS_FROM.toString()).queryParam("to", SEEDS_TO)
                .queryParam("facets", "entities").queryParam("size", 1).get("/v1/articles")
                .then().statusCode(200).extract().jsonPath();
        List<String> facetPeople = facets.getList("facets.entities.PERSON.value");
        assertEquals(1, facetPeople.stream().filter("Joe Biden"::equals).count(), "facets: " + facetPeople);
        assertEquals(4, facets.getInt("facets.entities.PERSON.find { it.value == 'Joe Biden' }.articles"));
        assertEquals(5, facets.getInt("facets.entities.PERSON.find { it.value == 'Benjamin Netanyahu' }.articles"));

        List<String> completed = given().queryParam("prefix", "bid").get("/v1/entities").then().statusCode(200)
                .extract().path("id");
        assertEquals(1, completed.stream().filter("person:joe-biden"::equals).count(), "completion: " + completed);
        assertTrue(!completed.contains("person:biden"), "completion: " + completed);
    }

    @Test
    @Order(3)
    void anEntityShowsItsNamesCountsAndDays() {
        assumeTrue(seedsIndexed, "seeds not indexed");
        JsonPath entity = given().get("/v1/entities/person:joe-biden").then().statusCode(200)
                .body("id", equalTo("person:joe-biden"))
                .body("name", equalTo("Joe Biden"))
                .body("type", equalTo("PERSON"))
                .body("aliases.name", hasItem("Biden"))
                .extract().jsonPath();
        assertTrue(entity.getInt("articles") >= 4, entity.prettify());
        assertEquals("day", entity.getString("interval"), entity.prettify());
        assertTrue(entity.getList("timeline").size() >= 1, entity.prettify());
        assertTrue(entity.getString("firstSeen").compareTo(entity.getString("lastSeen")) <= 0);
        given().get("/v1/entities/person:nobody-at-all").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    @Order(4)
    void aShortFormJoinsItsFullNameLaterAndLeavesWhenASecondOneAppears() {
        String alone = publishAndAwait(enrich("Baltic Wire", "Port talks stall in Gdansk",
                "Kowalczyk told reporters in Gdansk on Monday that the port talks had stalled over night shifts. "
                        + "Kowalczyk said the dockers would meet the employers again on Friday.", PORT_COPY));
        String shortId = given().get("/v1/articles/" + alone).then().statusCode(200)
                .extract().path("entities.find { it.name == 'Kowalczyk' }.id");
        assertEquals("person:kowalczyk", shortId, "alone, the surname is its own entity");

        // Three weeks later, far outside any story window: only the registry can connect them.
        String full = publishAndAwait(enrich("Harbour Daily", "Gdansk port authority names a new chief",
                "Ewa Kowalczyk, who led the talks with the dockers, will run the Gdansk port authority from July, "
                        + "the city council said. Kowalczyk said her first task was the night-shift agreement.",
                PORT_COPY.plus(Duration.ofDays(21))));
        await().atMost(INDEXED_WITHIN).untilAsserted(() -> {
            assertEquals(List.of(alone, full), idsNaming("person:ewa-kowalczyk"));
            assertEquals(List.of(alone, full), idsNaming("Kowalczyk"));
        });
        given().redirects().follow(false).get("/v1/entities/person:kowalczyk").then().statusCode(308)
                .header("Location", endsWith("/v1/entities/person:ewa-kowalczyk"));

        // A second Kowalczyk: the lone surname could be either, so it stands apart again.
        String other = publishAndAwait(enrich("Baltic Wire", "Union organiser arrested at Gdynia shipyard",
                "Adam Kowalczyk, a union organiser, was arrested at the Gdynia shipyard on Tuesday. Kowalczyk's "
                        + "lawyer said he would appeal.", PORT_COPY.plus(Duration.ofDays(42))));
        // Searches see the article and the registry each after its own refresh: wait for both.
        await().atMost(INDEXED_WITHIN).untilAsserted(() -> {
            assertEquals(List.of(full), idsNaming("person:ewa-kowalczyk"));
            assertEquals(List.of(other), idsNaming("person:adam-kowalczyk"));
            assertEquals(List.of(alone, full, other), idsNaming("Kowalczyk"), "the name alone finds every Kowalczyk");
        });
        given().redirects().follow(false).get("/v1/entities/person:kowalczyk").then().statusCode(200)
                .body("id", equalTo("person:kowalczyk"));
    }

    private static Set<String> sourcesNaming(String entity) {
        List<String> sources = given().queryParam("entity", entity).queryParam("from", SEEDS_FROM.toString())
                .queryParam("to", SEEDS_TO).queryParam("size", 100).get("/v1/articles")
                .then().statusCode(200).extract().path("articles.source");
        return new TreeSet<>(sources);
    }

    /** Ids of the articles naming the entity, oldest first. */
    private static List<String> idsNaming(String entity) {
        List<String> ids = new ArrayList<>(given().queryParam("entity", entity).queryParam("from", PORT_COPY.toString())
                .queryParam("size", 100).queryParam("sort", "newest").get("/v1/articles")
                .then().statusCode(200).extract().<List<String>>path("articles.id"));
        java.util.Collections.reverse(ids);
        return ids;
    }

    private static ObjectNode enrich(String source, String headline, String body, Instant publishedAt) {
        return RealEnrichment.get().enrich(source, headline, body, publishedAt);
    }

    private String publishAndAwait(ObjectNode article) {
        String json = article.toString();
        assertEquals(List.of(), MessageContract.ENRICHED_ARTICLE.violations(json), "test copy meets the contract");
        String id = article.get("id").asText();
        new KafkaTestClient(bootstrapServers).send("articles.enriched", id, json);
        await().atMost(INDEXED_WITHIN).untilAsserted(() -> given().get("/v1/articles/" + id).then().statusCode(200));
        return id;
    }
}
