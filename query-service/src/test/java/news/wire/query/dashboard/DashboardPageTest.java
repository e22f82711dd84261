package news.wire.query.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import news.wire.testkit.KafkaTestClient;
import news.wire.testkit.MessageContract;

/**
 * The dashboard page in Debian's headless Chromium against the running service: real Kafka, the indexer, real
 * Elasticsearch. Articles are published while the page is open, so what it shows must arrive by polling. ingest is
 * played by {@link IngestMetricsStandIn}; enrich is not running at all. Leaves a screenshot in
 * {@code target/dashboard.png}.
 */
@QuarkusTest
@QuarkusTestResource(value = IngestMetricsStandIn.class, restrictToAnnotatedClass = false)
class DashboardPageTest {

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
    void pageIsServedWithAPolicyThatAllowsNoInlineScriptOrOtherOrigin() {
        given().get("/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .body(containsString("/dashboard/app.js"))
                .body(not(containsString("http://")), not(containsString("https://")));
        // The chart library comes from its mvnpm jar, served by the service at a version-less path.
        given().get("/_static/echarts/dist/echarts.simple.min.js").then().statusCode(200)
                .body(containsString("echarts"));
        given().get("/v1/dashboard/latest?size=0").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("size"));
    }

    @Test
    void showsLiveFiguresTaggedArticlesAndSearch() {
        Instant now = Instant.now();
        TaggedCopy strike = TaggedCopy.article("Harbour Wire", "Valmora stevedores strike as port talks collapse",
                        "Dock workers in Valmora walked out on Thursday after talks with the Valmora Port Authority "
                                + "failed, union leader Marta Ilves said. More than 1,200 workers joined the strike "
                                + "and 40 ships were waiting offshore by 18 November. Ilves said losses could reach "
                                + "$4.5 million a day.", now)
                .entity("LOCATION", "Valmora", "Valmora")
                .entity("ORGANIZATION", "Valmora Port Authority", "Valmora Port Authority")
                .entity("PERSON", "Marta Ilves", "Marta Ilves", "Ilves")
                .number("More than 1,200", 1200, "CARDINAL", "GREATER_THAN", "workers")
                .number("40", 40, "CARDINAL", "EXACT", "ships")
                .money("$4.5 million", 4_500_000, "USD")
                .date("Thursday", "DATE", "2026-11-19")
                .date("18 November", "DATE", "2026-11-18")
                .byline("By Lena Haroldsen")
                .subject("09000000", "labour", "medtop");
        TaggedCopy dam = TaggedCopy.article("Engineering Desk", "Orrin dam inspection finds two cracks",
                        "Engineers from the Orrin Water Board found two cracks in the dam on Tuesday, chief engineer "
                                + "Ines Calder told reporters in Orrin. Repairs will take about six weeks.",
                        now.plusSeconds(1))
                .entity("ORGANIZATION", "Orrin Water Board", "Orrin Water Board")
                .entity("PERSON", "Ines Calder", "Ines Calder")
                .entity("LOCATION", "Orrin", "in Orrin")
                .number("two cracks", 2, "CARDINAL", "EXACT", "cracks")
                .date("Tuesday", "DATE", "2026-11-17")
                .date("about six weeks", "DURATION", "P6W");
        TaggedCopy hostile = TaggedCopy.article("Unvetted Feed", "Feed test <script>window.__wireXss = 1</script>",
                        "The feed sent <img src=x onerror=\"window.__wireXss = 2\"> and <b>bold</b> markup; "
                                + "Marta Ilves said the Valmora copy was otherwise fine.", now.plusSeconds(2))
                .entity("PERSON", "Marta Ilves", "Marta Ilves")
                .entity("LOCATION", "Valmora", "Valmora")
                .subject(null, "<b>unvetted</b>", null);
        for (TaggedCopy copy : List.of(strike, dam, hostile)) {
            assertEquals(List.of(), MessageContract.ENRICHED_ARTICLE.violations(copy.json()));
        }

        browser.get(page.toString());
        Waiter wait = new Waiter(new WebDriverWait(browser, SHOWN_WITHIN));
        // Stages first: ingest (the stand-in) is read and counting, enrich cannot be reached and says so.
        wait.until(b -> "true".equals(stage(b, "stage-ingest").getDomAttribute("data-reachable"))
                && !"—".equals(field(b, "stage-ingest", "main")) && !"0".equals(field(b, "stage-ingest", "main")));
        wait.until(b -> "unreachable".equals(field(b, "stage-enrich", "state")));
        assertTrue(stage(browser, "stage-enrich").getDomAttribute("class").contains("down"));
        assertTrue(field(browser, "stage-enrich", "error").contains("connection refused"),
                field(browser, "stage-enrich", "error"));
        assertEquals(Integer.toString(IngestMetricsStandIn.OUTBOX_BACKLOG), field(browser, "stage-ingest", "backlog"));
        assertEquals("live", field(browser, "stage-index", "state"));

        // Published while the page is open: it must pick them up without a reload.
        KafkaTestClient kafka = new KafkaTestClient(bootstrapServers);
        for (TaggedCopy copy : List.of(strike, dam, hostile)) {
            kafka.send("articles.enriched", copy.id(), copy.json());
        }
        wait.until(b -> b.findElements(By.cssSelector("#latest .article[data-id='" + hostile.id() + "']")).size() == 1
                && b.findElements(By.cssSelector("#latest .article[data-id='" + strike.id() + "']")).size() == 1);

        WebElement strikeCard = browser.findElement(By.cssSelector("#latest .article[data-id='" + strike.id() + "']"));
        assertEquals("Valmora", text(mark(strikeCard, "location", "Valmora")));
        assertEquals("Marta Ilves\nperson", mark(strikeCard, "person", "Marta Ilves").getDomAttribute("data-tip"));
        // The short mention carries the canonical name.
        assertEquals("Marta Ilves", strikeCard.findElements(By.cssSelector("mark.tag-person")).stream()
                .filter(m -> text(m).equals("Ilves")).findFirst().orElseThrow().getDomAttribute("data-value"));
        assertEquals("more than 1,200 · workers\ncardinal", mark(strikeCard, "number", "More than 1,200").getDomAttribute("data-tip"));
        assertEquals("USD 4,500,000\nmoney", mark(strikeCard, "number", "$4.5 million").getDomAttribute("data-tip"));
        assertEquals("2026-11-19\ndate", mark(strikeCard, "date", "Thursday").getDomAttribute("data-tip"));
        assertTrue(strikeCard.getText().contains("Dock workers in Valmora walked out"), strikeCard.getText());
        // What the provider said: its byline beside the source, its subjects as buttons.
        assertTrue(strikeCard.findElement(By.className("meta")).getText().startsWith("Harbour Wire · By Lena Haroldsen · "),
                strikeCard.findElement(By.className("meta")).getText());
        assertEquals(List.of("labour"), strikeCard.findElements(By.cssSelector(".subjects button")).stream()
                .map(WebElement::getText).toList());
        // Hovering shows the normalised value.
        WebElement figure = mark(strikeCard, "number", "More than 1,200");
        new Actions(browser).moveToElement(figure).perform();
        WebElement tip = browser.findElement(By.id("tip"));
        wait.until(b -> tip.isDisplayed());
        assertEquals("more than 1,200 · workerscardinal", text(tip));
        assertEquals("cardinal", text(tip.findElement(By.className("kind"))));
        new Actions(browser).moveToElement(mark(strikeCard, "person", "Ilves")).perform();
        wait.until(b -> tip.getText().startsWith("Marta Ilves"));
        // Distinct colours for entities, numbers and dates.
        assertEquals(3, Stream.of(mark(strikeCard, "person", "Marta Ilves"), figure, mark(strikeCard, "date", "Thursday"))
                .map(m -> m.getCssValue("background-color")).distinct().count());

        // Wire text is text: the markup in the copy is shown, never run or parsed.
        WebElement hostileCard = browser.findElement(By.cssSelector("#latest .article[data-id='" + hostile.id() + "']"));
        assertTrue(hostileCard.getText().contains("Feed test <script>window.__wireXss = 1</script>"), hostileCard.getText());
        assertTrue(hostileCard.getText().contains("<img src=x onerror=\"window.__wireXss = 2\"> and <b>bold</b> markup"));
        assertEquals("<b>unvetted</b>", hostileCard.findElement(By.cssSelector(".subjects button")).getText());
        assertEquals(0, hostileCard.findElements(By.cssSelector("script, img, b")).size());
        assertNull(((JavascriptExecutor) browser).executeScript("return window.__wireXss;"));

        // Top entities of the last hour and their timeline.
        wait.until(b -> b.findElements(By.cssSelector("#top-entities .type-PERSON li")).stream()
                .anyMatch(li -> "Marta Ilves".equals(li.getDomAttribute("data-name"))));
        WebElement ilves = browser.findElements(By.cssSelector("#top-entities .type-PERSON li")).stream()
                .filter(li -> "Marta Ilves".equals(li.getDomAttribute("data-name"))).findFirst().orElseThrow();
        assertEquals("2", ilves.findElement(By.cssSelector(".count")).getText(), "named in two articles");
        assertTrue(browser.findElements(By.cssSelector("#top-entities .type-ORGANIZATION li")).stream()
                .anyMatch(li -> "Orrin Water Board".equals(li.getDomAttribute("data-name"))));
        wait.until(b -> Boolean.TRUE.equals(((JavascriptExecutor) b).executeScript(
                "const c = echarts.getInstanceByDom(document.getElementById('timeline-chart'));"
                        + "return !!c && c.getOption().series.some(s => s.name === 'Marta Ilves'"
                        + " && s.data.some(p => p[1] > 0));")));

        // The indexing rate rises once the indexer has written them.
        wait.until(b -> !List.of("—", "0").contains(field(b, "stage-index", "main")));
        wait.until(b -> !"—".equals(field(b, "freshness", "rp50")));

        // Search: markup typed into the box is a search like any other, and the hits show the copy as text.
        WebElement box = browser.findElement(By.id("q"));
        box.sendKeys("<script>", Keys.ENTER);
        wait.until(b -> b.findElements(By.cssSelector("#results li[data-id='" + hostile.id() + "']")).size() == 1);
        assertTrue(browser.findElement(By.cssSelector("#results li[data-id='" + hostile.id() + "'] .headline")).getText()
                .contains("<script>window.__wireXss = 1</script>"));
        assertNull(((JavascriptExecutor) browser).executeScript("return window.__wireXss;"));

        // Results with the matched words marked, and the full tagged article on a click.
        box.clear();
        box.sendKeys("stevedores strike", Keys.ENTER);
        wait.until(b -> b.findElements(By.cssSelector("#results li[data-id='" + strike.id() + "']")).size() == 1);
        assertEquals(1, browser.findElements(By.cssSelector("#results li")).size(),
                browser.findElement(By.id("results")).getText());
        WebElement hit = browser.findElement(By.cssSelector("#results li[data-id='" + strike.id() + "']"));
        assertEquals(List.of("stevedores", "strike"), hit.findElements(By.cssSelector(".headline em")).stream()
                .map(WebElement::getText).toList());
        assertEquals("1 article", browser.findElement(By.id("search-summary")).getText());
        hit.click();
        wait.until(b -> b.findElements(By.cssSelector("#opened .article[data-id='" + strike.id() + "'] mark.tag-date")).size() == 2);

        // A subject lists the articles filed under it, by its code.
        browser.findElement(By.cssSelector("#latest .article[data-id='" + strike.id() + "'] .subjects button")).click();
        wait.until(b -> b.findElement(By.id("search-summary")).getText().equals("1 article filed under labour"));
        assertEquals(List.of(strike.id()), browser.findElements(By.cssSelector("#results li")).stream()
                .map(li -> li.getDomAttribute("data-id")).toList());
        assertEquals("", box.getDomProperty("value"));

        // Nothing the page loads or does breaks its own policy or fails.
        List<String> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).map(LogEntry::getMessage).toList();
        assertEquals(List.of(), problems);
        assertFalse(browser.getPageSource().contains("https://"));

        // The whole page in one picture, with a tag's tip showing.
        long height = (Long) ((JavascriptExecutor) browser).executeScript(
                "window.scrollTo(0, 0); return document.documentElement.scrollHeight;");
        browser.manage().window().setSize(new Dimension(1440, (int) height + 140));
        new Actions(browser).moveToElement(mark(browser.findElement(
                By.cssSelector("#latest .article[data-id='" + strike.id() + "']")), "number", "More than 1,200")).perform();
        wait.until(b -> tip.isDisplayed());
        screenshot(Path.of("target", "dashboard.png"));
    }

    /** Waits like WebDriverWait, but a timeout leaves a screenshot and reports what the page showed. */
    private record Waiter(WebDriverWait driverWait) {

        void until(Function<WebDriver, Boolean> condition) {
            try {
                driverWait.until(condition);
            } catch (TimeoutException e) {
                screenshot(Path.of("target", "dashboard-failure.png"));
                throw new AssertionError("The page did not get there in " + SHOWN_WITHIN.toSeconds() + " s (see "
                        + "target/dashboard-failure.png); it showed:\n" + browser.findElement(By.tagName("body")).getText(), e);
            }
        }
    }

    private static WebElement stage(WebDriver browser, String id) {
        return browser.findElement(By.id(id));
    }

    private static String field(WebDriver browser, String stage, String name) {
        // textContent: the pills are upper-cased by CSS, and what the page wrote is what is checked.
        return browser.findElement(By.cssSelector("#" + stage + " [data-field='" + name + "']"))
                .getDomProperty("textContent").strip();
    }

    private static WebElement mark(WebElement article, String kind, String text) {
        return article.findElements(By.cssSelector("mark.tag-" + kind)).stream().filter(m -> text(m).equals(text))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " mark '" + text + "' in: " + article.getText()));
    }

    /** The element's text whether or not it is scrolled or clipped out of view. */
    private static String text(WebElement element) {
        return element.getDomProperty("textContent");
    }

    private static void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
