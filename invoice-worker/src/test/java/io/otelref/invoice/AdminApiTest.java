package io.otelref.invoice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.otelref.invoice.config.WorkerBehaviour;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** The worker slowed and paused through /admin while it runs, and only with the token. */
@QuarkusTest
class AdminApiTest {

    @Inject
    WorkerBehaviour behaviour;

    @AfterEach
    void reset() {
        admin().post("/admin/reset").then().statusCode(204);
    }

    @Test
    void withoutTheTokenTheAdminApiAnswersUnauthorized() {
        given().get("/admin/behaviour").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void delayAndPauseChangeTheRunningWorker() {
        admin().contentType("application/json").body("{\"processingDelayMs\":250,\"paused\":true}")
                .put("/admin/behaviour").then()
                .statusCode(200)
                .body("processingDelayMs", equalTo(250))
                .body("paused", equalTo(true));
        assertTrue(behaviour.isPaused());
        assertEquals(Duration.ofMillis(250), behaviour.processingDelay());

        admin().post("/admin/reset").then().statusCode(204);
        admin().get("/admin/behaviour").then().body("paused", equalTo(false)).body("processingDelayMs", equalTo(0));
    }

    @Test
    void aNegativeDelayIsRejectedNamingTheField() {
        admin().contentType("application/json").body("{\"processingDelayMs\":-5,\"paused\":false}")
                .put("/admin/behaviour").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("processingDelayMs"));
    }

    private static RequestSpecification admin() {
        return given().header("Authorization", "Bearer test-admin-token");
    }
}
