package news.wire.query.dashboard;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.logging.Level;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import news.wire.testkit.KafkaTestClient;

/**
 * The dashboard's Watches panel in headless Chromium: the words in the search box saved as a watch under a name,
 * listed with its filters and delivery, and an article published afterwards shown among its matches (as text) without
 * a reload.
 */
@QuarkusTest
class DashboardWatchesPageTest {

    private static final Duration SHOWN_WITHIN = Duration.ofSeconds(40);

    private static HeadlessChromium chromium;
    private static WebDriver browser;

    @TestHTTPResource("/")
    URL page;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.start();
        browser = chromium.browser();
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theCurrentSearchIsWatchedAndItsMatchesAppear() {
        String word = rareWord();
        browser.get(page.toString());
        // The list is drawn anew at each poll: an element found may be replaced before it is read.
        var wait = new WebDriverWait(browser, SHOWN_WITHIN).ignoring(StaleElementReferenceException.class);
        browser.findElement(By.id("q")).sendKeys(word, Keys.ENTER);
        String summary = wait.until(b -> {
            String text = b.findElement(By.id("search-summary")).getText();
            return text.isEmpty() || text.equals("searching…") ? null : text;
        });
        assertEquals("0 articles", summary);
        browser.findElement(By.id("watch-name")).sendKeys("Desk " + word, Keys.ENTER);
        wait.until(b -> b.findElement(By.id("watch-summary")).getText().startsWith("Watching \"Desk " + word));
        String id = wait.until(b -> b.findElements(By.cssSelector("#watches > li")).stream()
                .filter(li -> li.findElement(By.className("name")).getText().equals("Desk " + word))
                .map(li -> li.getDomAttribute("data-id")).findFirst().orElse(null));
        assertEquals(word, given().get("/v1/watches/" + id).then().statusCode(200).extract().path("filters.q"));
        String watch = "#watches > li[data-id='" + id + "'] ";
        assertEquals("q: " + word, wait.until(b -> b.findElement(By.cssSelector(watch + ".meta")).getText()));
        assertEquals("no webhook", wait.until(b -> b.findElement(By.cssSelector(watch + ".delivery")).getText()));

        TaggedCopy copy = TaggedCopy.article("Harbour Wire", "Cranes stop <b>" + word + "</b>",
                "The port's cranes stopped; " + word + " said so.", Instant.now());
        new KafkaTestClient(bootstrapServers).send("articles.enriched", copy.id(), copy.json());
        By match = By.cssSelector(watch + ".matches li[data-article='" + copy.id() + "']");
        String shown = wait.until(b -> b.findElements(match).stream().map(WebElement::getText).findFirst().orElse(null));
        assertTrue(shown.startsWith("matched · Cranes stop <b>" + word + "</b> · Harbour Wire"), shown);
        assertEquals(0L, ((JavascriptExecutor) browser).executeScript(
                "return document.querySelectorAll('#watches b').length;"), "the headline's markup stays text");

        browser.findElement(By.id("watch-name")).sendKeys(Keys.ENTER);
        assertTrue(browser.findElement(By.id("watch-summary")).getText().startsWith("Type the words to watch"));
        List<String> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).map(LogEntry::getMessage).toList();
        assertEquals(List.of(), problems);
    }

    private static String rareWord() {
        Random random = new Random();
        StringBuilder word = new StringBuilder("Zq");
        for (int i = 0; i < 6; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }
}
