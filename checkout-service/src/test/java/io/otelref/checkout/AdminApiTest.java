package io.otelref.checkout;

import static io.otelref.checkout.AdminApi.admin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.agroal.api.AgroalDataSource;
import io.otelref.checkout.config.CheckoutFixes;
import io.otelref.checkout.config.PricingFanOut;
import io.quarkus.test.junit.QuarkusTest;

/** Faults and fixes switched at runtime through /admin, without a restart, and only with the token. */
@QuarkusTest
class AdminApiTest {

    @Inject
    CheckoutFixes fixes;

    @Inject
    PricingFanOut fanOut;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void reset() {
        AdminApi.reset();
    }

    @Test
    void withoutTheTokenTheAdminApiAnswersUnauthorized() {
        given().get("/admin/fixes").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("errors[0].field", equalTo("Authorization"));
        given().header("Authorization", "Bearer wrong").contentType("application/json").body("{\"maxSize\":1}")
                .put("/admin/pool").then().statusCode(401);
        assertEquals(20, maxPoolSize(), "a refused call changes nothing");
    }

    @Test
    void theFixSwitchesChangeAtRuntime() {
        admin().get("/admin/fixes").then().statusCode(200)
                .body("singleRetryLayer", equalTo(false))
                .body("pricingFallback", equalTo(false));
        admin().contentType("application/json").body("{\"singleRetryLayer\":true,\"pricingFallback\":true}")
                .put("/admin/fixes").then().statusCode(200)
                .body("singleRetryLayer", equalTo(true))
                .body("pricingFallback", equalTo(true));
        assertTrue(fixes.singleRetryLayer() && fixes.pricingFallback(), "the service itself sees the fixes");
    }

    @Test
    void theFanOutWidthChangesAtRuntime() {
        admin().get("/admin/pricing").then().statusCode(200).body("maxConcurrency", equalTo(4));
        admin().contentType("application/json").body("{\"maxConcurrency\":1}")
                .put("/admin/pricing").then().statusCode(200).body("maxConcurrency", equalTo(1));
        assertEquals(1, fanOut.maxConcurrency());
    }

    @Test
    void theConnectionPoolIsResizedAtRuntime() {
        admin().get("/admin/pool").then().statusCode(200).body("maxSize", equalTo(20));
        admin().contentType("application/json").body("{\"maxSize\":3}")
                .put("/admin/pool").then().statusCode(200).body("maxSize", equalTo(3));
        assertEquals(3, maxPoolSize(), "the datasource itself has the new size");
    }

    @Test
    void resetRestoresTheConfiguredValues() {
        AdminApi.put("/admin/fixes", "{\"singleRetryLayer\":true,\"pricingFallback\":true}");
        AdminApi.put("/admin/pricing", "{\"maxConcurrency\":1}");
        AdminApi.put("/admin/pool", "{\"maxSize\":2}");

        AdminApi.reset();

        admin().get("/admin/fixes").then().body("singleRetryLayer", equalTo(false)).body("pricingFallback", equalTo(false));
        admin().get("/admin/pricing").then().body("maxConcurrency", equalTo(4));
        assertEquals(20, maxPoolSize());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "/admin/pricing | {\"maxConcurrency\":0}                            | maxConcurrency",
        "/admin/pricing | {\"maxConcurrency\":65}                           | maxConcurrency",
        "/admin/pricing | {\"maxConcurrency\":2.5}                          | maxConcurrency",
        "/admin/pricing | {}                                                | maxConcurrency",
        "/admin/pool    | {\"maxSize\":0}                                   | maxSize",
        "/admin/pool    | {\"maxSize\":101}                                 | maxSize",
        "/admin/fixes   | {\"singleRetryLayer\":true}                       | pricingFallback",
        "/admin/fixes   | {\"singleRetryLayer\":\"yes\",\"pricingFallback\":true} | singleRetryLayer" })
    void badValuesAreRejectedNamingTheFieldAndChangeNothing(String path, String body, String field) {
        admin().contentType("application/json").body(body).put(path).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
        assertEquals(4, fanOut.maxConcurrency());
        assertEquals(20, maxPoolSize());
        assertEquals(false, fixes.singleRetryLayer());
    }

    private int maxPoolSize() {
        return dataSource.getConfiguration().connectionPoolConfiguration().maxSize();
    }
}
