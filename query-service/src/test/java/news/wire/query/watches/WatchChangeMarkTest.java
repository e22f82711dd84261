package news.wire.query.watches;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The store's change mark moves with every create, save and delete of a watch, and stays put when nothing was written,
 * so the matcher can skip reading every watch again when none changed.
 */
@QuarkusTest
class WatchChangeMarkTest {

    @Inject
    WatchStore store;

    @Test
    void movesWithEveryWriteAndOnlyThen() throws IOException {
        String name = "mark " + UUID.randomUUID();
        WatchStore.ChangeMark start = store.changeMark();
        assertEquals(start, store.changeMark(), "nothing written, the same mark");

        String location = given().contentType(ContentType.JSON).body(Map.of("name", name, "q", "harbour"))
                .post("/v1/watches").then().statusCode(201).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        WatchStore.ChangeMark created = store.changeMark();
        assertNotEquals(start, created, "a new watch moves the mark");
        assertEquals(start.count() + 1, created.count());

        given().contentType(ContentType.JSON).body(Map.of("name", name, "q", "harbour strike"))
                .put("/v1/watches/" + id).then().statusCode(200);
        WatchStore.ChangeMark saved = store.changeMark();
        assertNotEquals(created, saved, "a save moves the mark: the same count, a later updatedAt");
        assertEquals(created.count(), saved.count());

        given().delete("/v1/watches/" + id).then().statusCode(204);
        WatchStore.ChangeMark deleted = store.changeMark();
        assertNotEquals(saved, deleted, "a deletion moves the mark");
        assertEquals(start.count(), deleted.count());
    }
}
