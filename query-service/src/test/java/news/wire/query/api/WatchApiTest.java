package news.wire.query.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The watches API: create, read, list, replace, delete, and validation by the search's own rules, so a bad filter is
 * refused naming the same parameter as GET /v1/articles names it.
 */
@QuarkusTest
class WatchApiTest {

    @Test
    void aWatchIsSavedReadListedReplacedAndDeleted() {
        String name = "Harbour strike " + WireCopy.rareWord();
        String location = given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "q", "strike", "source", "Harbour Wire", "entityType", "location"))
                .post("/v1/watches").then().statusCode(201)
                .body("name", equalTo(name))
                .body("filters.q", equalTo("strike"))
                .body("filters.source", equalTo(List.of("Harbour Wire")))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        given().get("/v1/watches/" + id).then().statusCode(200).body("id", equalTo(id))
                .body("filters.entityType", equalTo("location"));
        given().get("/v1/watches").then().statusCode(200).body("watches.id", hasItem(id));

        given().contentType(ContentType.JSON).body(Map.of("name", name + " (pay)", "q", "pay", "min", 40))
                .put("/v1/watches/" + id).then().statusCode(200)
                .body("name", equalTo(name + " (pay)")).body("filters.q", equalTo("pay"))
                .body("filters.source", equalTo(null));
        given().get("/v1/watches/" + id + "/matches").then().statusCode(200).body("matches", equalTo(List.of()));

        given().delete("/v1/watches/" + id).then().statusCode(204);
        given().get("/v1/watches/" + id).then().statusCode(404)
                .body("type", equalTo("urn:problem:wire:not-found"));
        given().get("/v1/watches").then().statusCode(200).body("watches.id", not(hasItem(id)));
        given().delete("/v1/watches/" + id).then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("name", "x")).put("/v1/watches/" + id).then().statusCode(404);
    }

    @Test
    void aBadFilterIsRefusedNamingTheParameterAsSearchDoes() {
        Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
        cases.put("from", Map.of("from", "16 November"));
        cases.put("to", Map.of("from", "2026-11-17", "to", "2026-11-16"));
        cases.put("mentionedFrom", Map.of("mentionedFrom", "0000-12-31"));
        cases.put("min", Map.of("min", "forty"));
        cases.put("max", Map.of("min", "50", "max", "40"));
        cases.put("entityType", Map.of("entityType", "PLANET"));
        cases.put("numberKind", Map.of("numberKind", "ROMAN"));
        cases.put("q", Map.of("q", "x".repeat(501)));
        cases.put("storyId", Map.of("storyId", "s".repeat(65)));
        cases.put("subject", Map.of("subject", "s".repeat(1_001)));
        cases.forEach((parameter, filters) -> {
            var search = given();
            filters.forEach(search::queryParam);
            String searchField = search.get("/v1/articles").then().statusCode(400).extract().path("errors[0].field");
            assertEquals(parameter, searchField, "search's name for " + filters);
            Map<String, Object> body = new LinkedHashMap<>(filters);
            body.put("name", "bad " + parameter);
            given().contentType(ContentType.JSON).body(body).post("/v1/watches").then().statusCode(400)
                    .body("type", equalTo("urn:problem:wire:invalid-parameter"))
                    .body("errors[0].field", equalTo(parameter));
        });
    }

    @Test
    void whatIsNotAFilterIsRefused() {
        refused(Map.of("q", "strike"), "name");
        refused(Map.of("name", " "), "name");
        refused(Map.of("name", "a\nb"), "name");
        refused(Map.of("name", "x".repeat(201)), "name");
        refused(Map.of("name", "typo", "entitty", "Valmora"), "entitty");
        refused(Map.of("name", "paged", "size", 10), "size");
        refused(Map.of("name", "sorted", "sort", "newest"), "sort");
        refused(Map.of("name", "faceted", "facets", "entities"), "facets");
        refused(Map.of("name", "object", "q", Map.of("a", 1)), "q");
        refused(Map.of("name", "sources", "source", List.of(Map.of("a", 1))), "source");
        given().contentType(ContentType.JSON).body("[1]").post("/v1/watches").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"name\": ").post("/v1/watches").then().statusCode(400)
                .body("type", equalTo("urn:problem:wire:malformed-json"));
        given().get("/v1/watches/no-such-watch/matches").then().statusCode(404);
        given().get("/v1/watches/no-such-watch/matches?size=0").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        given().get("/v1/watches/no-such-watch/matches?before=soon").then().statusCode(400)
                .body("errors[0].field", equalTo("before"));
    }

    private static void refused(Map<String, Object> body, String field) {
        given().contentType(ContentType.JSON).body(body).post("/v1/watches").then().statusCode(400)
                .body("errors[0].field", equalTo(field)).body("detail", containsString(field));
    }
}
