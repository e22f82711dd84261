package news.wire.enrich.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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
    void missingPublicationTimeIsProblem() {
        given().contentType(ContentType.JSON)
                .body(Map.of("headline", "h", "body", "b"))
                .when().post("/v1/enrich")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("publishedAt"));
    }
}
