package news.wire.query.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import news.wire.testkit.KafkaTestClient;

/**
 * Search filters and counts articles by the language enrich detected in the copy, falling back to the declared one
 * where nothing was detected and for records indexed before detection existed.
 */
@QuarkusTest
class LanguageSearchTest {

    private static final Duration INDEXED_WITHIN = Duration.ofSeconds(20);
    private static final String SOURCE = "Languages " + WireCopy.rareWord();

    private static WireCopy english;
    private static WireCopy frenchDeclaredEnglish;
    private static WireCopy germanHeadlineOnly;
    private static WireCopy italianBeforeDetection;
    private static WireCopy undeclaredBeforeDetection;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeEach
    void publishOnce() {
        if (english != null) {
            return;
        }
        english = article("Port reopens").languages("en-GB", "en", "agrees");
        frenchDeclaredEnglish = article("Grève à la SNCF").languages("en", "fr", "differs");
        germanHeadlineOnly = article("Hochwasser an der Oder").languages("de-DE", null, "undetected");
        italianBeforeDetection = article("Terremoto in Umbria").language("it").withoutLanguageDetection();
        undeclaredBeforeDetection = article("Old record").languages(null, null, null).withoutLanguageDetection();
        for (WireCopy article : List.of(english, frenchDeclaredEnglish, germanHeadlineOnly, italianBeforeDetection,
                undeclaredBeforeDetection)) {
            new KafkaTestClient(bootstrapServers).send("articles.enriched", article.id(), article.json());
        }
        await().atMost(INDEXED_WITHIN).untilAsserted(() -> given().queryParam("source", SOURCE).get("/v1/articles")
                .then().statusCode(200).body("total", equalTo(5)));
    }

    @Test
    void theLanguageFilterGoesByTheDetectedLanguageElseTheDeclaredOne() {
        assertIds("en", english);
        assertIds("fr", frenchDeclaredEnglish);
        assertIds("de", germanHeadlineOnly);
        assertIds("de-DE", germanHeadlineOnly);
        assertIds("it", italianBeforeDetection);
        assertIds("es");
    }

    @Test
    void theLanguagesFacetCountsTheSameLanguages() {
        given().queryParam("source", SOURCE).queryParam("facets", "languages").get("/v1/articles")
                .then().statusCode(200)
                .body("facets.languages.size()", equalTo(4))
                .body("facets.languages.find { it.value == 'en' }.articles", equalTo(1))
                .body("facets.languages.find { it.value == 'fr' }.articles", equalTo(1))
                .body("facets.languages.find { it.value == 'de' }.articles", equalTo(1))
                .body("facets.languages.find { it.value == 'it' }.articles", equalTo(1));
    }

    @Test
    void theRecordComesBackAsEnrichWroteIt() {
        given().get("/v1/articles/" + frenchDeclaredEnglish.id()).then().statusCode(200)
                .body("language", equalTo("en"))
                .body("detectedLanguage", equalTo("fr"))
                .body("languageCheck", equalTo("differs"))
                .body("$", not(hasKey("textLanguage")));
    }

    private static WireCopy article(String headline) {
        return WireCopy.article(SOURCE, headline, headline + ", the wire reports.", "2026-11-18T07:00:00Z");
    }

    private static void assertIds(String language, WireCopy... expected) {
        List<String> ids = given().queryParam("source", SOURCE).queryParam("language", language)
                .get("/v1/articles").then().statusCode(200).extract().jsonPath().getList("articles.id");
        assertEquals(Set.copyOf(Arrays.stream(expected).map(WireCopy::id).toList()), Set.copyOf(ids), language);
    }
}
