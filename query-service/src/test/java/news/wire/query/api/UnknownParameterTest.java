package news.wire.query.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A misspelt query parameter is a 400 naming it, never a search that quietly ignores it; every parameter an
 * endpoint declares (those the dashboard and the bench programs send among them) still works.
 */
@QuarkusTest
class UnknownParameterTest {

    @Test
    void aSearchWithAMisspeltFilterIsRefusedNamingItAndTheRightOnes() {
        given().queryParam("publishedFrom", "2026-11-17").queryParam("q", "strike")
                .get("/v1/articles").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:problem:wire:unknown-parameter"))
                .body("errors.field", containsInAnyOrder("publishedFrom"))
                .body("detail", containsString("publishedFrom"))
                .body("detail", containsString("from, highlight, interval, language"));
    }

    @Test
    void everyUnknownParameterIsNamedOnce() {
        given().queryParam("lang", "de").queryParam("pageSize", 5).queryParam("pageSize", 6).queryParam("q", "x")
                .get("/v1/articles").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("lang", "pageSize"));
    }

    @Test
    void theOtherGetEndpointsRefuseStrangersToo() {
        for (String path : new String[] {"/v1/stories", "/v1/entities", "/v1/entities/person:nobody-known/timeline",
                "/v1/stats", "/v1/dashboard/latest", "/v1/dashboard/entities", "/v1/articles/no-such-article"}) {
            given().queryParam("sice", 5).get(path).then().statusCode(400)
                    .body("type", equalTo("urn:problem:wire:unknown-parameter"))
                    .body("errors.field", containsInAnyOrder("sice"));
        }
        given().queryParam("verbose", "true").get("/v1/articles/no-such-article").then().statusCode(400)
                .body("detail", containsString("takes none"));
    }

    @Test
    void theParametersTheDashboardAndTheBenchProgramsSendAreAccepted() {
        given().queryParams(Map.of("highlight", "true", "size", 10, "q", "strike")).get("/v1/articles")
                .then().statusCode(200);
        given().queryParams(Map.of("size", 10, "subject", "Environment", "source", "Wire")).get("/v1/articles")
                .then().statusCode(200);
        given().queryParams(Map.of("source", "Wire", "entity", "Calder", "entityType", "PERSON", "from", "2026-11-01",
                "to", "2026-11-30", "mentionedFrom", "2026-11-01", "mentionedTo", "2026-11-30", "countedThing", "ships",
                "numberKind", "CARDINAL")).queryParams(Map.of("min", 1, "max", 100, "language", "en", "sort", "newest",
                "facets", "entities,sources,published,subjects,languages", "interval", "day")).get("/v1/articles")
                .then().statusCode(200);
        given().queryParams(Map.of("hours", 1, "size", 6)).get("/v1/dashboard/entities").then().statusCode(200);
        given().queryParam("size", 8).get("/v1/dashboard/latest").then().statusCode(200);
        given().queryParams(Map.of("size", 1, "from", "2026-11-01", "to", "2026-11-30")).get("/v1/stories")
                .then().statusCode(200);
        given().queryParams(Map.of("prefix", "cal", "type", "PERSON", "size", 5)).get("/v1/entities")
                .then().statusCode(200);
        given().queryParam("days", 7).get("/v1/stats").then().statusCode(200);
        given().queryParams(Map.of("interval", "day", "from", "2026-11-01", "to", "2026-11-30", "type", "PERSON"))
                .get("/v1/entities/Calder/timeline").then().statusCode(not(400));
        given().get("/v1/articles/no-such-article").then().statusCode(404);
    }
}
