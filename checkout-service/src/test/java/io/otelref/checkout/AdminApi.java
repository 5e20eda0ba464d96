package io.otelref.checkout;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** Calls to /admin with the test profile's token ({@code %test.platform.admin.token}). */
final class AdminApi {

    private AdminApi() {
    }

    static RequestSpecification admin() {
        return given().header("Authorization", "Bearer test-admin-token");
    }

    static void put(String path, String json) {
        admin().contentType("application/json").body(json).put(path).then().statusCode(200);
    }

    static void reset() {
        admin().post("/admin/reset").then().statusCode(204);
    }
}
