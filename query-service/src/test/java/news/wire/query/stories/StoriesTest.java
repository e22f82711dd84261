package news.wire.query.stories;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import news.wire.testkit.KafkaTestClient;
import news.wire.testkit.MessageContract;
import news.wire.testkit.SharedCopy;

/**
 * Stories end to end: real enrichment of the shared seeds (five outlets on one diplomatic episode), Kafka, the
 * indexer with story assignment, Elasticsearch and the story API. Copy of our own on other subjects, some sharing a
 * name with the seeds, must stay out of their story; so must BBC articles placed in the same days.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoriesTest {

    private static final Duration INDEXED_WITHIN = Duration.ofSeconds(30);
    private static final Instant SEEDS_FROM = Instant.parse("2024-03-26T06:00:00Z");

    /** Set once the seeds are indexed; later tests read their story. */
    private static String seedStory;
    private static final List<String> SEED_IDS = new ArrayList<>();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    @Order(1)
    void seedsFromFiveOutletsFormOneStoryAndOtherCopyStaysOut() {
        Optional<Path> seeds = SharedCopy.folder("seeds");
        assumeTrue(seeds.isPresent(), "No shared seeds beside the repository (../shared/seeds or -Dwire.shared)");
        List<Path> files = SharedCopy.textFiles(seeds.get());
        assertEquals(5, files.size(), "five seed articles");

        // One at a time, as copy arrives over a day: each is matched against what is already indexed.
        for (int i = 0; i < files.size(); i++) {
            String[] text = SharedCopy.headlineAndBody(files.get(i));
            SEED_IDS.add(publishAndAwait(RealEnrichment.get().enrich("Outlet " + (char) ('A' + i), text[0], text[1],
                    SEEDS_FROM.plus(Duration.ofHours(5L * i)))));
        }
        List<String> unrelated = new ArrayList<>();
        for (String[] copy : UnrelatedCopy.ARTICLES) {
            unrelated.add(publishAndAwait(RealEnrichment.get().enrich(copy[0], copy[1], copy[2],
                    SEEDS_FROM.plus(Duration.ofHours(7)))));
        }

        List<String> seedStories = SEED_IDS.stream().map(StoriesTest::storyOf).distinct().toList();
        assertEquals(List.of(SEED_IDS.get(0)), seedStories, "all seeds in the first seed's story");
        seedStory = seedStories.get(0);
        for (String id : unrelated) {
            assertEquals(id, storyOf(id), "unrelated article " + id + " starts a story of its own");
        }
    }

    @Test
    @Order(2)
    void storyShowsItsArticlesSourcesEntitiesAndFigures() {
        assumeTrue(seedStory != null, "seeds not indexed");
        JsonPath story = given().get("/v1/stories/" + seedStory).then().statusCode(200)
                .body("id", equalTo(seedStory))
                .body("articleCount", equalTo(5))
                .body("articles", hasSize(5))
                .body("articles.id", equalTo(SEED_IDS))
                .body("sources", equalTo(List.of("Outlet A", "Outlet B", "Outlet C", "Outlet D", "Outlet E")))
                .body("topEntities.name", hasItem("Benjamin Netanyahu"))
                .body("topEntities.name", hasItem("Rafah"))
                .body("figures", not(hasSize(0)))
                .body("figures.sources.flatten().figures.flatten().articleId", everyItem(notNullValue()))
                .extract().jsonPath();
        System.out.println("Seed story: " + story.prettify());
        // One outlet named "Netanyahu" only, the others in full: one entity, in every article.
        assertEquals(5, story.getInt("topEntities.find { it.name == 'Benjamin Netanyahu' }.articles"));
        // The figures a reader compares, not "two sides" or "one set"; one outlet's refugees are another's civilians.
        List<String> counted = story.getList("figures.counted", String.class);
        assertTrue(counted.stream().noneMatch(c -> List.of("side", "set", "month").contains(c)), counted::toString);
        assertTrue(counted.stream().anyMatch(c -> c.contains("refugee") && c.contains("civilian")), counted::toString);
        assertTrue(counted.stream().anyMatch(c -> c.contains("detainee") && c.contains("hostage")), counted::toString);
    }

    @Test
    @Order(3)
    void storiesAreListedByActivityInThePeriod() {
        assumeTrue(seedStory != null, "seeds not indexed");
        given().queryParam("from", "2024-03-26").queryParam("to", "2024-03-27").get("/v1/stories")
                .then().statusCode(200)
                .body("stories.id", hasItem(seedStory))
                .body("stories.find { it.id == '" + seedStory + "' }.articleCount", equalTo(5))
                .body("stories.find { it.id == '" + seedStory + "' }.sources", hasSize(5))
                .body("stories.find { it.id == '" + seedStory + "' }.topEntities", not(hasSize(0)));
        given().queryParam("from", "2024-01-01").queryParam("to", "2024-01-31").get("/v1/stories")
                .then().statusCode(200).body("stories.id", not(hasItem(seedStory)));
    }

    @Test
    @Order(4)
    void aNewVersionKeepsItsStoryWhateverItsText() {
        assumeTrue(seedStory != null, "seeds not indexed");
        UUID id = UUID.fromString(SEED_IDS.get(2));
        String[] other = UnrelatedCopy.ARTICLES.get(0);
        publish(RealEnrichment.get().enrich(id, 2, "Outlet C", other[1], other[2], SEEDS_FROM.plus(Duration.ofHours(10))));
        await().atMost(INDEXED_WITHIN).untilAsserted(() -> given().get("/v1/articles/" + id)
                .then().statusCode(200).body("version", equalTo(2)).body("storyId", equalTo(seedStory))
                .body("$", not(hasKey(ArticleProfile.WORD_COUNTS))));
        given().get("/v1/dashboard/latest?size=50").then().statusCode(200)
                .body("articles", everyItem(not(hasKey(ArticleProfile.WORD_COUNTS))))
                .body("articles.size()", greaterThan(0));
    }

    @Test
    @Order(5)
    void bbcArticlesInTheSameDaysJoinNeitherTheSeedsNorGiantStories() {
        assumeTrue(seedStory != null, "seeds not indexed");
        Optional<Path> corpus = SharedCopy.folder("corpora/bbc_news/bbc");
        assumeTrue(corpus.isPresent(), "No BBC corpus beside the repository (../shared/corpora/bbc_news/bbc)");
        List<Path> files = SharedCopy.textFiles(corpus.get());
        List<String> ids = new ArrayList<>();
        List<String> headlines = new ArrayList<>();
        Map<String, String> sectionById = new TreeMap<>();
        // Every 7th file (about 320, all five sections), spread over twelve days around the seeds' day.
        for (int i = 0; i < files.size(); i += 7) {
            String[] text = SharedCopy.headlineAndBody(files.get(i));
            Instant at = SEEDS_FROM.minus(Duration.ofDays(6)).plus(Duration.ofMinutes(54L * i));
            ObjectNode article = RealEnrichment.get().enrich("BBC", text[0], text[1], at);
            ids.add(article.get("id").asText());
            headlines.add(text[0]);
            sectionById.put(article.get("id").asText(), files.get(i).getParent().getFileName().toString());
            publish(article);
        }
        String last = ids.get(ids.size() - 1);
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> given().get("/v1/articles/" + last).then().statusCode(200));

        Map<String, String> storyById = ids.stream().collect(Collectors.toMap(Function.identity(), StoriesTest::storyOf));
        Map<String, List<String>> stories = new TreeMap<>();
        for (int i = 0; i < ids.size(); i++) {
            stories.computeIfAbsent(storyById.get(ids.get(i)), k -> new ArrayList<>()).add(headlines.get(i));
        }
        int largest = stories.values().stream().mapToInt(List::size).max().orElse(0);
        System.out.printf("BBC: %d articles in %d stories; %d with more than one article; largest %d%n", ids.size(),
                stories.size(), stories.values().stream().filter(s -> s.size() > 1).count(), largest);
        stories.values().stream().filter(s -> s.size() > 1).forEach(s -> System.out.println("  story: " + s));

        assertTrue(storyById.values().stream().noneMatch(seedStory::equals), "no BBC article joins the seeds' story");
        // A story that chains unrelated copy crosses the corpus' sections (business, politics, sport...).
        Map<String, List<String>> sectionsByStory = ids.stream().collect(Collectors.groupingBy(storyById::get,
                Collectors.mapping(sectionById::get, Collectors.collectingAndThen(Collectors.toSet(), List::copyOf))));
        sectionsByStory.forEach((story, sections) -> assertEquals(1, sections.size(),
                "a story stays within one section: " + stories.get(story) + " spans " + sections));
        // Arrival order across the twelve partitions decides whether the Blair feud (5 articles) and the election
        // campaign's Blair stories (3-4) meet: largest 5 to 9 over runs. A giant story is a section's worth.
        assertTrue(largest <= 10, "no giant story; largest has " + largest);
        given().get("/v1/stories/" + seedStory).then().statusCode(200).body("articleCount", equalTo(5));
    }

    @Test
    void unknownStoryIsNotFound() {
        given().get("/v1/stories/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:problem:wire:not-found"));
    }

    @Test
    void badParametersAreProblemsNamingThem() {
        given().queryParam("from", "last tuesday").get("/v1/stories").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:problem:wire:invalid-parameter"))
                .body("errors.field", equalTo(List.of("from")));
        given().queryParam("from", "2024-03-27").queryParam("to", "2024-03-26").get("/v1/stories").then().statusCode(400)
                .body("errors.field", equalTo(List.of("to")));
        given().queryParam("size", 0).get("/v1/stories").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("size"));
    }

    private String publishAndAwait(ObjectNode article) {
        String id = publish(article);
        await().atMost(INDEXED_WITHIN).untilAsserted(() -> given().get("/v1/articles/" + id).then().statusCode(200));
        return id;
    }

    private String publish(ObjectNode article) {
        String json = article.toString();
        assertEquals(List.of(), MessageContract.ENRICHED_ARTICLE.violations(json), "test copy meets the contract");
        String id = article.get("id").asText();
        new KafkaTestClient(bootstrapServers).send("articles.enriched", id, json);
        return id;
    }

    private static String storyOf(String articleId) {
        String story = given().get("/v1/articles/" + articleId).then().statusCode(200).extract().path("storyId");
        assertNotEquals(null, story, "article " + articleId + " has a story");
        return story;
    }
}
