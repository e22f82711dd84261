package news.wire.query.security;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Issues and revokes read keys through the admin API, as an administrator would. */
public final class ReadKeysForTests {

    /** An issued key: its id and its secret. */
    public record Key(String id, String secret) {
    }

    private ReadKeysForTests() {
    }

    public static Key issue(String label) {
        Response issued = given().contentType(ContentType.JSON).header(AdminGuard.HEADER, KeysOnProfile.ADMIN_TOKEN)
                .body(Map.of("label", label)).when().post("/v1/keys").then().statusCode(201).extract().response();
        return new Key(issued.path("id"), issued.path("key"));
    }

    public static void revoke(Key key) {
        given().header(AdminGuard.HEADER, KeysOnProfile.ADMIN_TOKEN).when().delete("/v1/keys/" + key.id())
                .then().statusCode(204);
    }
}
