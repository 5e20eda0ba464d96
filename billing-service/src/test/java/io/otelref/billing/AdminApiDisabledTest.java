package io.otelref.billing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With no token configured, the admin API does not exist as far as a caller can tell. */
@QuarkusTest
@TestProfile(AdminApiDisabledTest.NoAdminToken.class)
class AdminApiDisabledTest {

    public static class NoAdminToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("platform.admin.token", "");
        }
    }

    @Test
    void theAdminApiIsOffUnlessATokenIsConfigured() {
        given().header("Authorization", "Bearer ").get("/admin/gateway").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", endsWith("/admin-disabled"));
    }
}
