package io.otelref.invoice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
    void delayConcurrencyAndPauseChangeTheRunningWorker() {
        admin().contentType("application/json").body("{\"processingDelayMs\":250,\"concurrency\":1,\"paused\":true}")
                .put("/admin/behaviour").then()
                .statusCode(200)
                .body("processingDelayMs", equalTo(250))
                .body("concurrency", equalTo(1))
                .body("paused", equalTo(true));
        assertTrue(behaviour.isPaused());
        assertEquals(Duration.ofMillis(250), behaviour.processingDelay());
        assertEquals(1, behaviour.concurrency());

        admin().post("/admin/reset").then().statusCode(204);
        admin().get("/admin/behaviour").then()
                .body("paused", equalTo(false))
                .body("processingDelayMs", equalTo(0))
                .body("concurrency", equalTo(8));
    }

    @Test
    void aNegativeDelayIsRejectedNamingTheField() {
        admin().contentType("application/json").body("{\"processingDelayMs\":-5,\"concurrency\":8,\"paused\":false}")
                .put("/admin/behaviour").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("processingDelayMs"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "0", "65", "null" })
    void aConcurrencyOutsideOneToSixtyFourIsRejectedNamingTheField(String concurrency) {
        admin().contentType("application/json").body("{\"processingDelayMs\":0,\"concurrency\":" + concurrency + ",\"paused\":false}")
                .put("/admin/behaviour").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("concurrency"));
        assertEquals(8, behaviour.concurrency(), "nothing was half-applied");
    }

    private static RequestSpecification admin() {
        return given().header("Authorization", "Bearer test-admin-token");
    }
}
