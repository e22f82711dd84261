package news.wire.ingest.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/** POST /v1/articles:batch: one answer per line, in order, with partial success. */
@QuarkusTest
class ArticleBatchTest {

    private final ObjectMapper json = new ObjectMapper();

    private static String line(String itemId, String headline) {
        return "{\"headline\":\"" + headline + "\",\"body\":\"Body of " + headline + ".\",\"source\":\"Batch Wire\","
                + "\"publishedAt\":\"2026-11-18T08:00:00Z\",\"sourceItemId\":\"" + itemId + "\"}";
    }

    private List<JsonNode> post(String ndjson) throws Exception {
        String answer = given().contentType("application/x-ndjson").body(ndjson.getBytes(StandardCharsets.UTF_8))
                .when().post("/v1/articles:batch")
                .then().statusCode(200).contentType("application/x-ndjson")
                .extract().asString();
        List<JsonNode> results = new ArrayList<>();
        for (String l : answer.split("\n")) {
            if (!l.isBlank()) {
                results.add(json.readTree(l));
            }
        }
        return results;
    }

    @Test
    void eachLineGetsItsOwnAnswerInOrder() throws Exception {
        String a = "batch-" + UUID.randomUUID();
        String b = "batch-" + UUID.randomUUID();
        String ndjson = line(a, "Tram line opens") + "\n"
                + line(b, "Bridge closes for repairs") + "\n"
                + "\n"
                + "{\"body\":\"no headline\",\"source\":\"Batch Wire\",\"publishedAt\":\"2026-11-18T08:00:00Z\"}\n"
                + "{\"headline\": \n"
                + line(a, "Tram line opens") + "\n";
        List<JsonNode> results = post(ndjson);

        assertEquals(5, results.size(), results::toString);
        assertEquals(List.of(1L, 2L, 4L, 5L, 6L), results.stream().map(r -> r.get("line").asLong()).toList());
        assertEquals(List.of(202, 202, 400, 400, 200), results.stream().map(r -> r.get("status").asInt()).toList());
        assertEquals("urn:problem:wire:invalid-article", results.get(2).at("/problem/type").asText());
        assertEquals("headline", results.get(2).at("/problem/errors/0/field").asText());
        assertEquals("urn:problem:wire:malformed-json", results.get(3).at("/problem/type").asText());
        assertEquals(results.get(0).get("id").asText(), results.get(4).get("id").asText(), "duplicate keeps its id");
        assertEquals("DUPLICATE", results.get(4).get("outcome").asText());
    }

    @Test
    void oversizedLineIsRefusedAndTheRestAccepted() throws Exception {
        String big = "{\"headline\":\"Big\",\"body\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        List<JsonNode> results = post(big + "\n" + line("batch-" + UUID.randomUUID(), "Small one") + "\n");
        assertEquals(413, results.get(0).get("status").asInt());
        assertEquals("urn:problem:wire:too-large", results.get(0).at("/problem/type").asText());
        assertNull(results.get(0).get("id"));
        assertEquals(202, results.get(1).get("status").asInt());
        assertNotNull(results.get(1).get("id"));
    }

    @Test
    void linesBeyondTheLimitAreNotReadAndTheAnswerSaysWhereReadingStopped() throws Exception {
        // 10,000 is ingest.limits.max-batch-lines' default; blank lines do not count towards it.
        List<JsonNode> results = post("{}\n\n".repeat(10_002));
        assertEquals(10_001, results.size());
        assertEquals(400, results.get(9_999).get("status").asInt());
        JsonNode stop = results.get(10_000);
        assertEquals(20_001, stop.get("line").asLong());
        assertEquals(413, stop.get("status").asInt());
        assertEquals("urn:problem:wire:too-large", stop.at("/problem/type").asText());
    }

    @Test
    void largeBatchIsAcceptedWhole() throws Exception {
        StringBuilder ndjson = new StringBuilder();
        String run = UUID.randomUUID().toString();
        for (int i = 0; i < 2_000; i++) {
            ndjson.append(line("bulk-" + run + "-" + i, "Bulk story " + i)).append('\n');
        }
        List<JsonNode> results = post(ndjson.toString());
        assertEquals(2_000, results.size());
        assertEquals(2_000, results.stream().filter(r -> r.get("status").asInt() == 202).count());
    }
}
