package news.wire.ingest.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import news.wire.ingest.feeds.ScriptedHostResolver;

/** Registering, listing and unregistering feeds, and every way a registration is refused. */
@QuarkusTest
class FeedResourceTest {

    /** Nothing listens on port 1: the first poll of these feeds fails at once, and an hour passes before the next. */
    private static String unreachable() {
        return "http://127.0.0.1:1/feeds/" + UUID.randomUUID() + ".xml";
    }

    private static Map<String, Object> registration(String url) {
        Map<String, Object> registration = new HashMap<>();
        registration.put("url", url);
        registration.put("source", "Brinemouth Gazette");
        registration.put("pollInterval", "PT1H");
        return registration;
    }

    private static ValidatableResponse post(Object body) {
        return given().contentType(ContentType.JSON).body(body).post("/v1/feeds").then();
    }

    /** A registration that is sound but for this one field's value. */
    private static void refusedWith(String field, Object value) {
        Map<String, Object> registration = registration(unreachable());
        registration.put(field, value);
        refused(registration, field);
    }

    private static void refused(Map<String, Object> registration, String field) {
        post(registration).statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:problem:wire:invalid-feed"))
                .body("detail", containsString(field))
                .body("errors.field", contains(field));
    }

    @Test
    void registersShowsAndUnregistersAFeed() {
        String url = unreachable();
        Map<String, Object> registration = registration(url);
        registration.put("pollInterval", 90);
        registration.put("format", "ATOM");
        Response created = given().contentType(ContentType.JSON).body(registration).post("/v1/feeds");
        created.then().statusCode(201)
                .body("url", equalTo(url))
                .body("source", equalTo("Brinemouth Gazette"))
                .body("format", equalTo("atom"))
                .body("pollInterval", equalTo("PT1M30S"))
                .body("newItems", equalTo(0))
                .body("itemsSkipped", equalTo(0))
                .body("nextPollAt", notNullValue());
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/v1/feeds/" + id), created.header("Location"));

        given().get("/v1/feeds").then().statusCode(200).body("id", hasItem(id));
        given().get("/v1/feeds/" + id).then().statusCode(200).body("id", equalTo(id)).body("url", equalTo(url));
        given().delete("/v1/feeds/" + id).then().statusCode(204);
        given().get("/v1/feeds/" + id).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:problem:wire:not-found"));
        given().delete("/v1/feeds/" + id).then().statusCode(404).contentType("application/problem+json");
        given().get("/v1/feeds").then().body("id", not(hasItem(id)));
    }

    @Test
    void defaultsApplyWhenFormatAndIntervalAreLeftOut() {
        Map<String, Object> registration = registration(unreachable());
        registration.remove("pollInterval");
        String id = post(registration).statusCode(201)
                .body("format", equalTo("auto"))
                .body("pollInterval", equalTo("PT1M"))
                .extract().path("id");
        given().delete("/v1/feeds/" + id).then().statusCode(204);
    }

    @Test
    void onlyHttpAndHttpsUrlsAreAccepted() {
        refused(registration("ftp://127.0.0.1/feed.xml"), "url");
        refused(registration("file:///etc/passwd"), "url");
        refused(registration("not a url at all"), "url");
        refused(registration("http:///no-host"), "url");
        refused(registration(""), "url");
    }

    @Test
    void aSourceIsRequired() {
        Map<String, Object> missing = registration(unreachable());
        missing.remove("source");
        refused(missing, "source");
        refusedWith("source", "   ");
    }

    @Test
    void tooShortOrUnreadableIntervalsAndUnknownFormatsAreRefused() {
        refusedWith("pollInterval", "PT0.1S");
        refusedWith("pollInterval", 0);
        refusedWith("pollInterval", "every so often");
        refusedWith("pollInterval", Map.of("minutes", 1));
        refusedWith("format", "csv");
    }

    @Test
    void everyInvalidFieldIsNamedAtOnce() {
        Map<String, Object> registration = registration("gopher://127.0.0.1/feed");
        registration.remove("source");
        post(registration).statusCode(400)
                .body("type", equalTo("urn:problem:wire:invalid-feed"))
                .body("errors.field", contains("source", "url"));
    }

    @Test
    void aUrlIsRegisteredOnce() {
        Map<String, Object> registration = registration(unreachable());
        String id = post(registration).statusCode(201).extract().path("id");
        post(registration).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:problem:wire:feed-exists"))
                .body("detail", containsString(id));
        given().delete("/v1/feeds/" + id).then().statusCode(204);
    }

    @Test
    void unknownFeedsAreNotFound() {
        given().get("/v1/feeds/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:problem:wire:not-found"));
        given().delete("/v1/feeds/" + UUID.randomUUID()).then().statusCode(404);
    }
    /** Refused before anything connects: the scripted name resolves without DNS, and nothing dials 10.0.0.1. */
    @Test
    void aFeedAtAnInternalAddressIsRefusedNamingTheUrlAndTheSetting() {
        String url = "http://10.0.0.1/feeds/" + UUID.randomUUID() + ".xml";
        post(registration(url)).statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:problem:wire:feed-address-refused"))
                .body("title", equalTo("Feed address not allowed"))
                .body("detail", equalTo("The feed's url is refused: feed address 10.0.0.1 is private; allowed: public "
                        + "addresses or hosts in ingest.feeds.allowed-internal-hosts"))
                .body("errors.field", contains("url"))
                .body("errors.message", contains(containsString("10.0.0.1 is private")));

        String metadata = "metadata-" + UUID.randomUUID().toString().substring(0, 8) + ".newsroom.test";
        ScriptedHostResolver.answer(metadata, "169.254.169.254");
        post(registration("http://" + metadata + "/latest/meta-data/")).statusCode(400)
                .body("type", equalTo("urn:problem:wire:feed-address-refused"))
                .body("detail", containsString("feed address 169.254.169.254 (of " + metadata + ") is link-local"));
        given().get("/v1/feeds").then().statusCode(200)
                .body("url", not(hasItem(url)))
                .body("url", not(hasItem("http://" + metadata + "/latest/meta-data/")));
    }

    /** Fields are checked first: a URL that is not http(s) is an invalid field, whatever its host. */
    @Test
    void anInvalidRegistrationIsReportedAsSuchEvenAtAnInternalAddress() {
        Map<String, Object> registration = registration("ftp://10.0.0.1/feed.xml");
        refused(registration, "url");
    }

    /** A host without an address yet is registered; each poll checks again, and says it has none. */
    @Test
    void aHostWithoutAnAddressIsRegistered() {
        String url = "http://nowhere-" + UUID.randomUUID().toString().substring(0, 8) + ".newsroom.test/rss";
        ScriptedHostResolver.answer(url.substring(7, url.indexOf("/rss")));
        String id = post(registration(url)).statusCode(201).extract().path("id");
        given().delete("/v1/feeds/" + id).then().statusCode(204);
    }
}
