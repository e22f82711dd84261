package news.wire.enrich.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import news.wire.enrich.languages.ForeignCopy;
import news.wire.testkit.MessageContract;
import news.wire.testkit.KafkaTestResource;

/** POST /v1/enrich gives the same record the stream would publish. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
class EnrichResourceTest {

    @Test
    void enrichesPostedArticle() {
        given().contentType(ContentType.JSON)
                .body(Map.of("headline", "Marrow visits the dam",
                        "body", "President Helen Marrow toured the dam near Korsvik on Friday. Marrow said repairs would take a year.",
                        "publishedAt", "2026-11-20T10:00:00Z"))
                .when().post("/v1/enrich")
                .then().statusCode(200)
                .body("schema", equalTo("article.enriched/v1"))
                .body("entities.name", hasItem("Helen Marrow"))
                .body("entities.find { it.name == 'Helen Marrow' }.type", equalTo("PERSON"))
                .body("enricher.engines.entities", startsWith("corenlp-crf-conll4/"));
    }

    @Test
    void tagsWhoWhereHowManyAndWhenInOneRecord() {
        // Published on Wednesday 18 November 2026: "on Monday" is the 16th, "last year" 2025.
        String body = "More than a million refugees have crossed into Moldova since the war began, UNHCR chief "
                + "Filippo Grandi said in Geneva on Monday. Grandi said aid of $2.5 billion was needed, "
                + "up 40% on last year.";
        String enriched = given().contentType(ContentType.JSON)
                .body(Map.of("headline", "Refugee numbers pass a million", "body", body,
                        "publishedAt", "2026-11-18T09:30:00Z"))
                .when().post("/v1/enrich")
                .then().statusCode(200)
                .body("entities.find { it.name == 'Filippo Grandi' }.type", equalTo("PERSON"))
                .body("entities.find { it.name == 'Filippo Grandi' }.mentions.size()", equalTo(2))
                .body("entities.find { it.name == 'Geneva' }.type", equalTo("LOCATION"))
                // The schema keeps id optional for older enrichers' records; this enricher gives every entity one.
                .body("entities.findAll { it.id == null }", empty())
                .body("entities.find { it.name == 'Filippo Grandi' }.id", equalTo("person:filippo-grandi"))
                .body("numbers.find { it.counted == 'refugees' }.value", equalTo(1000000))
                .body("numbers.find { it.counted == 'refugees' }.qualifier", equalTo("GREATER_THAN"))
                .body("numbers.find { it.kind == 'MONEY' }.currency", equalTo("USD"))
                .body("numbers.find { it.kind == 'PERCENT' }.value", equalTo(40))
                .body("dates.find { it.text == 'Monday' }.value", equalTo("2026-11-16"))
                .body("dates.find { it.text == 'last year' }.value", equalTo("2025"))
                .body("enricher.engines.keySet()", hasItems("entities", "numbers", "dates"))
                .extract().asString();
        assertEquals(List.of(), MessageContract.ENRICHED_ARTICLE.violations(enriched));
    }

    @Test
    void aDateAlonePublishesAtThatDaysStartInUtc() {
        // 2 May 2024 was a Thursday: "on Monday" before it is 29 April.
        String enriched = given().contentType(ContentType.JSON)
                .body(Map.of("headline", "Dam inspection finished", "body", "Engineers from the state water board "
                        + "finished inspecting the Korsvik dam on Monday, officials said.", "publishedAt", "2024-05-02"))
                .when().post("/v1/enrich")
                .then().statusCode(200)
                .body("publishedAt", equalTo("2024-05-02T00:00:00Z"))
                .body("dates.find { it.text == 'Monday' }.value", equalTo("2024-04-29"))
                .extract().asString();
        assertEquals(List.of(), MessageContract.ENRICHED_ARTICLE.violations(enriched));
    }

    @Test
    void aMissingOrBlankHeadlineIsEnrichedAsNone() {
        String body = "President Helen Marrow toured the dam near Korsvik on Friday. Marrow said repairs would take a year.";
        for (Map<String, String> request : List.of(Map.of("body", body, "publishedAt", "2026-11-20T10:00:00Z"),
                Map.of("headline", " \t", "body", body, "publishedAt", "2026-11-20"))) {
            String enriched = given().contentType(ContentType.JSON).body(request)
                    .when().post("/v1/enrich")
                    .then().statusCode(200)
                    .body("headline", equalTo(""))
                    .body("entities.find { it.name == 'Helen Marrow' }.type", equalTo("PERSON"))
                    .body("entities.collectMany { it.mentions }.field", everyItem(equalTo("body")))
                    .extract().asString();
            assertEquals(List.of(), MessageContract.ENRICHED_ARTICLE.violations(enriched));
        }
    }

    @Test
    void aPublicationTimeThatIsNeitherADateNorADateTimeWithOffsetIsStillAProblem() {
        for (String when : List.of("2024-05-02T09:30:00", "02/05/2024", "2024-13-02", "yesterday")) {
            given().contentType(ContentType.JSON).body(Map.of("headline", "h", "body", "b", "publishedAt", when))
                    .when().post("/v1/enrich")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("publishedAt"));
        }
    }

    @Test
    void aGermanArticleIsDetectedAndLeftUntagged() {
        ForeignCopy.Story story = ForeignCopy.GERMAN;
        String enriched = given().contentType(ContentType.JSON)
                .body(Map.of("headline", story.headline(), "body", story.body(), "publishedAt", "2026-11-20",
                        "language", "en"))
                .when().post("/v1/enrich")
                .then().statusCode(200)
                .body("language", equalTo("en"))
                .body("detectedLanguage", equalTo("de"))
                .body("languageCheck", equalTo("differs"))
                .body("entities", empty())
                .body("numbers", empty())
                .body("dates", empty())
                .body("enricher.untagged", startsWith("language detected de"))
                .extract().asString();
        assertEquals(List.of(), MessageContract.ENRICHED_ARTICLE.violations(enriched));
    }

    @Test
    void missingPublicationTimeIsProblem() {
        given().contentType(ContentType.JSON)
                .body(Map.of("headline", "h", "body", "b"))
                .when().post("/v1/enrich")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("publishedAt"));
    }
}
