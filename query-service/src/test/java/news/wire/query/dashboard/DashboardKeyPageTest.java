package news.wire.query.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import news.wire.query.security.KeysOnProfile;
import news.wire.query.security.ReadKeysForTests;
import news.wire.query.security.ReadKeysForTests.Key;
import news.wire.testkit.KafkaTestClient;

/**
 * The dashboard with read keys on, in headless Chromium: the page loads without a key, asks for one once when its
 * calls are refused, asks again for a refused key, then shows live data with the key sent in X-Api-Key. The key is
 * kept in the tab's sessionStorage only: a reload does not ask again, a new tab does, and nothing is in localStorage,
 * a cookie or the address. A key revoked while the page is open makes it ask again.
 */
@QuarkusTest
@TestProfile(KeysOnProfile.class)
class DashboardKeyPageTest {

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
    void asksForTheKeyOnceKeepsItInTheTabAndSendsItWithEveryCall() {
        Key key = ReadKeysForTests.issue("dashboard of the night desk");
        Key revoked = ReadKeysForTests.issue("former desk");
        ReadKeysForTests.revoke(revoked);
        TaggedCopy ferry = TaggedCopy.article("Keyed Wire", "Ferry crews return to Valmora harbour",
                "Crews returned on Friday.", Instant.now()).entity("LOCATION", "Valmora", "Valmora");
        new KafkaTestClient(bootstrapServers).send("articles.enriched", ferry.id(), ferry.json());

        browser.get(page.toString());
        until(b -> keyForm(b).isDisplayed());
        assertEquals(1, browser.findElements(By.id("key-form")).size());
        assertTrue(text("key-why").contains("needs a read key"), text("key-why"));
        // Asked before any data was shown.
        assertTrue(browser.findElements(By.cssSelector("#latest .article")).isEmpty());

        // A revoked key is refused, forgotten, and asked for again.
        enterKey(revoked.secret());
        until(b -> keyForm(b).isDisplayed() && text("key-why").contains("refused"));
        assertEquals("", session("wire.readKey"));

        enterKey(key.secret());
        until(b -> !keyForm(b).isDisplayed()
                && b.findElements(By.cssSelector("#latest .article[data-id='" + ferry.id() + "']")).size() == 1);
        until(b -> "live".equals(b.findElement(By.cssSelector("#stage-index [data-field='state']"))
                .getDomProperty("textContent").strip()));
        browser.findElement(By.id("q")).sendKeys("ferry crews", Keys.ENTER);
        until(b -> b.findElements(By.cssSelector("#results li[data-id='" + ferry.id() + "']")).size() == 1);

        // In this tab's sessionStorage only.
        assertEquals(key.secret(), session("wire.readKey"));
        assertEquals(0L, ((JavascriptExecutor) browser).executeScript("return localStorage.length;"));
        assertEquals("", ((JavascriptExecutor) browser).executeScript("return document.cookie;"));
        assertFalse(browser.getCurrentUrl().contains(key.secret().substring(3)), browser.getCurrentUrl());

        // A reload keeps the tab's key: the page is served and polls without asking.
        browser.navigate().refresh();
        until(b -> b.findElements(By.cssSelector("#latest .article[data-id='" + ferry.id() + "']")).size() == 1);
        assertFalse(keyForm(browser).isDisplayed(), "asked again after a reload");

        // Only 401s before the key was given may be in the console: no policy violation, no script error.
        List<String> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).map(LogEntry::getMessage)
                .filter(message -> !message.contains("status of 401")).toList();
        assertEquals(List.of(), problems);

        // Another tab has a session of its own: it asks.
        String first = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB).get(page.toString());
        until(b -> keyForm(b).isDisplayed());
        assertEquals("", session("wire.readKey"));
        browser.close();
        browser.switchTo().window(first);

        // Revoked while the page is open: its next polls are refused and it asks again.
        ReadKeysForTests.revoke(key);
        until(b -> keyForm(b).isDisplayed() && text("key-why").contains("refused"));
        assertEquals("", session("wire.readKey"));
    }

    private static org.openqa.selenium.WebElement keyForm(WebDriver b) {
        return b.findElement(By.id("key-form"));
    }

    private static void enterKey(String key) {
        browser.findElement(By.id("api-key")).sendKeys(key, Keys.ENTER);
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getDomProperty("textContent");
    }

    private static String session(String item) {
        Object value = ((JavascriptExecutor) browser).executeScript("return sessionStorage.getItem(arguments[0]);", item);
        return value == null ? "" : value.toString();
    }

    private static void until(java.util.function.Function<WebDriver, Boolean> condition) {
        try {
            new WebDriverWait(browser, SHOWN_WITHIN).until(condition);
        } catch (TimeoutException e) {
            throw new AssertionError("The page did not get there in " + SHOWN_WITHIN.toSeconds() + " s; it showed:\n"
                    + browser.findElement(By.tagName("body")).getText(), e);
        }
    }
}
