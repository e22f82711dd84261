package news.wire.ingest.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import news.wire.testkit.KafkaTestClient;

/** Every wire format through POST /v1/articles, and the ways each can be refused. */
@QuarkusTest
class WireFormatIntakeTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static String ninjs(String uri, String pubstatus, String headline) {
        return """
                {"uri": "%s", "version": "1", "versioncreated": "2026-11-20T09:00:00Z", "pubstatus": "%s",
                 "copyrightholder": "Fenland Wire", "language": "en",
                 "headlines": [{"role": "main", "value": "%s"}],
                 "bodies": [{"role": "main", "contenttype": "text/html",
                             "value": "<p>Flood gates at Lowmarsh were shut on Friday.</p><p>Residents &amp; traders were warned.</p>"}]}
                """.formatted(uri, pubstatus, headline);
    }

    @Test
    void ninjsIsAcceptedWithCleanBodyAndItsKillPublishesATombstone() {
        String uri = "urn:test:" + UUID.randomUUID();
        String id = given().contentType("application/json").body(ninjs(uri, "usable", "Flood gates shut"))
                .when().post("/v1/articles")
                .then().statusCode(202).body("sourceItemId", equalTo(uri)).body("source", equalTo("Fenland Wire"))
                .extract().path("id");

        given().contentType("application/json").body("{\"uri\": \"" + uri + "\", \"pubstatus\": \"canceled\", "
                        + "\"copyrightholder\": \"Fenland Wire\"}")
                .when().post("/v1/articles")
                .then().statusCode(202).body("id", equalTo(id)).body("status", equalTo("WITHDRAWN"));

        List<ConsumerRecord<String, String>> records = new KafkaTestClient(bootstrapServers)
                .collect("articles.raw", r -> id.equals(r.key()), Duration.ofSeconds(3));
        assertEquals(2, records.size());
        assertEquals(true, records.get(0).value().contains("Flood gates at Lowmarsh were shut on Friday.\\n\\n"
                + "Residents & traders were warned."), records.get(0).value());
        assertNull(records.get(1).value());
    }

    @Test
    void nitfInLatin1IsDecodedAsDeclared() {
        String nitf = """
                <?xml version="1.0" encoding="ISO-8859-1"?>
                <nitf><head><docdata><doc-id id-string="T-%s"/><date.issue norm="20261120T083000Z"/></docdata>
                <pubdata name="Vardenholm Wire Service"/></head>
                <body><body.head><hedline><hl1>Café owners protest new levy</hl1></hedline></body.head>
                <body.content><p>Owners of the café quarter marched on Thursday.</p></body.content></body></nitf>
                """.formatted(UUID.randomUUID());
        given().contentType("application/xml; charset=ISO-8859-1").body(nitf.getBytes(StandardCharsets.ISO_8859_1))
                .when().post("/v1/articles")
                .then().statusCode(202)
                .body("headline", equalTo("Café owners protest new levy"))
                .body("publishedAt", equalTo("2026-11-20T08:30:00Z"));
    }

    @Test
    void plainTextTakesSourceAndTimeFromTheRequest() {
        String text = "Dam inspection finds cracks\n\nEngineers found two cracks in the Orrin dam. " + UUID.randomUUID();
        given().contentType("text/plain; charset=UTF-8").body(text)
                .queryParam("source", "Engineering Desk").header("X-Published-At", "2026-11-19T12:00:00+01:00")
                .when().post("/v1/articles")
                .then().statusCode(202)
                .body("headline", equalTo("Dam inspection finds cracks"))
                .body("source", equalTo("Engineering Desk"))
                .body("publishedAt", equalTo("2026-11-19T11:00:00Z"));
        given().contentType("text/plain").body(text)
                .when().post("/v1/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:problem:wire:missing-field"));
    }

    @Test
    void externalEntitiesAndEntityBombsAreRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE nitf [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<nitf><body><body.head><hedline><hl1>&e;</hl1></hedline></body.head></body></nitf>";
        given().contentType("application/xml").body(xxe).queryParam("source", "Attacker")
                .when().post("/v1/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:problem:wire:dtd-refused"));
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]><nitf>&lol3;</nitf>";
        given().contentType("application/xml").body(bomb).queryParam("source", "Attacker")
                .when().post("/v1/articles")
                .then().statusCode(400).body("type", equalTo("urn:problem:wire:dtd-refused"));
    }

    @Test
    void invalidBytesAreRefusedNotStoredAsMojibake() {
        byte[] prefix = "{\"headline\":\"Caf".getBytes(StandardCharsets.UTF_8);
        byte[] rest = "\",\"body\":\"b\",\"source\":\"s\",\"publishedAt\":\"2026-11-20T08:00:00Z\"}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + 1 + rest.length];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        body[prefix.length] = (byte) 0xE9; // latin-1 é, invalid as UTF-8
        System.arraycopy(rest, 0, body, prefix.length + 1, rest.length);
        given().contentType("application/json; charset=UTF-8").body(body)
                .when().post("/v1/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:problem:wire:invalid-charset"));
    }

    @Test
    void unsupportedMediaTypeIs415() {
        given().contentType("application/pdf").body(new byte[] {37, 80, 68, 70})
                .when().post("/v1/articles")
                .then().statusCode(415).contentType("application/problem+json")
                .body("type", equalTo("urn:problem:wire:unsupported-media-type"));
    }
}
