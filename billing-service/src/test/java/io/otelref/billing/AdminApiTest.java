package io.otelref.billing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.otelref.billing.config.BillingFixes;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** Faults and fixes switched at runtime through /admin, without a restart, and only with the token. */
@QuarkusTest
class AdminApiTest {

    @Inject
    BillingFixes fixes;

    @AfterEach
    void reset() {
        admin().post("/admin/reset").then().statusCode(204);
    }

    @Test
    void withoutTheTokenTheAdminApiAnswersUnauthorized() {
        given().get("/admin/gateway").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("errors[0].field", equalTo("Authorization"));
        given().header("Authorization", "Bearer wrong").get("/admin/fixes").then().statusCode(401);
    }

    @Test
    void theFixSwitchesChangeAtRuntimeAndResetRestoresThem() {
        admin().get("/admin/fixes").then().statusCode(200)
                .body("releaseLockBeforeGateway", equalTo(false))
                .body("retryBudget", equalTo(false));
        admin().contentType("application/json").body("{\"releaseLockBeforeGateway\":true,\"retryBudget\":true}")
                .put("/admin/fixes").then().statusCode(200)
                .body("releaseLockBeforeGateway", equalTo(true))
                .body("retryBudget", equalTo(true));
        assertTrue(fixes.releaseLockBeforeGateway(), "the service itself sees the fix");
        assertTrue(fixes.retryBudget(), "the service itself sees the fix");

        admin().post("/admin/reset").then().statusCode(204);

        assertFalse(fixes.releaseLockBeforeGateway());
        assertFalse(fixes.retryBudget());
    }

    @Test
    void aFixesBodyWithoutEverySwitchIsRejectedNamingTheMissingOne() {
        admin().contentType("application/json").body("{\"releaseLockBeforeGateway\":true}")
                .put("/admin/fixes").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("retryBudget"));
        assertFalse(fixes.releaseLockBeforeGateway(), "nothing was half-applied");
    }

    @Test
    void aGatewayErrorRateOfOneMakesAuthorizationsUnavailable() {
        admin().contentType("application/json")
                .body("""
                        {"baseLatencyMs":0,"jitterMs":0,"slowShare":0,"slowLatencyMs":0,"errorRate":1.0,
                         "captureSlowShare":0.25,"captureSlowLatencyMs":3500}""")
                .put("/admin/gateway").then().statusCode(200)
                .body("errorRate", equalTo(1.0f))
                .body("captureSlowShare", equalTo(0.25f))
                .body("captureSlowLatencyMs", equalTo(3500));
        given().contentType("application/json")
                .body("{\"orderId\":\"" + UUID.randomUUID() + "\",\"accountId\":\"acc-0600\",\"amount\":10.00,\"currency\":\"EUR\"}")
                .post("/api/payments/authorizations").then()
                .statusCode(503)
                .body("type", endsWith("/dependency-unavailable"));
    }

    @Test
    void anUnreachableGatewayDropsTheConnectionAndAuthorizationsAreUnavailableUntilReset() {
        admin().contentType("application/json").body("{\"reachable\":false}")
                .put("/admin/gateway/reachability").then().statusCode(200).body("reachable", equalTo(false));
        // What billing's client meets: no answer at all.
        assertThrows(Exception.class, () -> given().contentType("application/json").body("{}")
                .post("/simulated-gateway/authorizations"));
        given().contentType("application/json")
                .body("{\"orderId\":\"" + UUID.randomUUID() + "\",\"accountId\":\"acc-0601\",\"amount\":10.00,\"currency\":\"EUR\"}")
                .post("/api/payments/authorizations").then()
                .statusCode(503)
                .body("type", endsWith("/dependency-unavailable"));

        admin().post("/admin/reset").then().statusCode(204);
        admin().get("/admin/gateway/reachability").then().body("reachable", equalTo(true));
        given().contentType("application/json")
                .body("{\"orderId\":\"" + UUID.randomUUID() + "\",\"accountId\":\"acc-0601\",\"amount\":10.00,\"currency\":\"EUR\"}")
                .post("/api/payments/authorizations").then()
                .statusCode(201);
    }

    @Test
    void invalidFaultsAreRejectedNamingTheField() {
        admin().contentType("application/json")
                .body("""
                        {"baseLatencyMs":-1,"jitterMs":0,"slowShare":0,"slowLatencyMs":0,"errorRate":1.5,
                         "captureSlowShare":2,"captureSlowLatencyMs":60001}""")
                .put("/admin/gateway").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("errorRate"))
                .body("errors.field", hasItem("baseLatencyMs"))
                .body("errors.field", hasItem("captureSlowShare"))
                .body("errors.field", hasItem("captureSlowLatencyMs"));
    }

    private static RequestSpecification admin() {
        return given().header("Authorization", "Bearer test-admin-token");
    }
}
