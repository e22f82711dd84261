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
import news.wire.testkit.KafkaTestClient;
import news.wire.testkit.MessageContract;
import news.wire.testkit.SharedCopy;

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

    @Test
    @Order(5)
    void aNameWithoutItsMiddleNameJoinsTheFullerNameWithoutAnArticleConnectingThem() {
        Instant from = PORT_COPY.plus(Duration.ofDays(70));
        String plain = publishAndAwait(enrich("Baltic Wire", "Shipyard sale approved",
                "Marta Zielinska, the shipyard's chief executive, said on Monday that the sale had been approved. "
                        + "Zielinska expects the first orders in the autumn.", from));
        String fuller = publishAndAwait(enrich("Harbour Daily", "Shipyard chief to step down",
                "Marta Anna Zielinska will leave the Gdynia shipyard at the end of the year, its board said.",
                from.plus(Duration.ofDays(21))));
        // The registry knows which shorter names the fuller one can go by: no article has to use both.
        // Searches see the article and the registry each after its own refresh: wait for both.
        await().atMost(INDEXED_WITHIN).untilAsserted(() -> {
            assertEquals(List.of(plain, fuller), idsNaming("person:marta-anna-zielinska", from));
            assertEquals(List.of(plain, fuller), idsNaming("person:marta-zielinska", from));
        });
        String again = publishAndAwait(enrich("Baltic Wire", "Shipyard chief hands over",
                "Marta Zielinska handed the Gdynia shipyard to her successor on Friday.", from.plus(Duration.ofDays(23))));
        await().atMost(INDEXED_WITHIN).untilAsserted(() ->
                assertEquals(List.of(plain, fuller, again), idsNaming("person:marta-anna-zielinska", from)));
        given().redirects().follow(false).get("/v1/entities/person:marta-zielinska").then().statusCode(308)
                .header("Location", endsWith("/v1/entities/person:marta-anna-zielinska"));
    }

    @Test
    @Order(6)
    void oneNameTaggedAnOrganisationHereAndAPlaceThereIsOneEntity() {
        Instant from = PORT_COPY.plus(Duration.ofDays(120));
        ObjectNode first = enrich("Baltic Wire", "Harbour dues rise",
                "The Gdansk Port Authority raised harbour dues on Monday, shipping agents said.", from);
        ObjectNode second = enrich("Harbour Daily", "Harbour dues row",
                "Shipping agents protested outside the Gdansk Port Authority on Tuesday.", from.plus(Duration.ofHours(20)));
        ObjectNode tagged = entityNamed(first, "Gdansk Port Authority");
        String type = tagged.get("type").asText();
        String otherType = type.equals("LOCATION") ? "ORGANIZATION" : "LOCATION";
        String id = tagged.get("id").asText();
        String otherId = otherType.toLowerCase(java.util.Locale.ROOT) + id.substring(id.indexOf(':'));
        // As the tagger does in other copy: the same name, the other type.
        entityNamed(second, "Gdansk Port Authority").put("type", otherType).put("id", otherId);
        // Sent together, so indexers may register both before either sees the other.
        String a = first.get("id").asText();
        String b = second.get("id").asText();
        KafkaTestClient kafka = new KafkaTestClient(bootstrapServers);
        kafka.send("articles.enriched", a, first.toString());
        kafka.send("articles.enriched", b, second.toString());
        // Whether the second was indexed knowing the first or beside it, the name seen first gives the type.
        await().atMost(INDEXED_WITHIN).untilAsserted(() -> assertEquals(List.of(a, b), idsNaming(id, from)));
    }

    private static ObjectNode entityNamed(ObjectNode article, String name) {
        for (com.fasterxml.jackson.databind.JsonNode e : article.get("entities")) {
            if (e.get("name").asText().equals(name)) {
                return (ObjectNode) e;
            }
        }
        throw new AssertionError("enrichment did not tag " + name + ": " + article.get("entities"));
    }

    private static Set<String> sourcesNaming(String entity) {
        List<String> sources = given().queryParam("entity", entity).queryParam("from", SEEDS_FROM.toString())
                .queryParam("to", SEEDS_TO).queryParam("size", 100).get("/v1/articles")
                .then().statusCode(200).extract().path("articles.source");
        return new TreeSet<>(sources);
    }

    /** Ids of the articles naming the entity, oldest first. */
    private static List<String> idsNaming(String entity) {
        return idsNaming(entity, PORT_COPY);
    }

    private static List<String> idsNaming(String entity, Instant from) {
        List<String> ids = new ArrayList<>(given().queryParam("entity", entity).queryParam("from", from.toString())
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
