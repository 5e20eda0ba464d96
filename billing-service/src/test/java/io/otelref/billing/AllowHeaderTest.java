package io.otelref.billing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * A 405 carries Allow, as RFC 9110 requires, and OPTIONS answers with it: the methods of the path asked
 * about (service-platform's AllowedMethods), not those of its whole resource class.
 */
@QuarkusTest
class AllowHeaderTest {

    @Test
    void aMethodThePathDoesNotTakeIsA405ProblemWithAllow() {
        given().put("/api/prices/SKU-0001").then()
                .statusCode(405)
                .header("Allow", "GET, HEAD, OPTIONS")
                .contentType("application/problem+json")
                .body("type", endsWith("/http-405"))
                .body("detail", containsString("PUT"));
        given().delete("/api/invoices").then()
                .statusCode(405)
                .header("Allow", "GET, HEAD, OPTIONS, POST");
        given().request("TRACE", "/api/payments/authorizations").then()
                .statusCode(405)
                .header("Allow", "OPTIONS, POST");
    }

    @Test
    void optionsListsThePathsOwnMethods() {
        given().options("/api/invoices").then().statusCode(200).header("Allow", "GET, HEAD, OPTIONS, POST");
        given().options("/api/prices/SKU-0042").then().statusCode(200).header("Allow", "GET, HEAD, OPTIONS");
        given().options("/simulated-gateway/captures").then().statusCode(200).header("Allow", "OPTIONS, POST");
    }

    @Test
    void adminPathsAnswerOnlyWithTheToken() {
        given().options("/admin/gateway").then().statusCode(401);
        given().get("/admin/reset").then().statusCode(401);
        admin().options("/admin/gateway").then().statusCode(200).header("Allow", "GET, HEAD, OPTIONS, PUT");
        admin().options("/admin/reset").then().statusCode(200).header("Allow", "OPTIONS, POST");
        admin().get("/admin/reset").then().statusCode(405).header("Allow", "OPTIONS, POST");
    }

    @Test
    void aPathNoResourceAnswersIsStillNotFound() {
        given().options("/api/nothing-here").then().statusCode(404);
        given().put("/api/nothing-here").then().statusCode(404).body("status", equalTo(404));
    }

    private static RequestSpecification admin() {
        return given().header("Authorization", "Bearer test-admin-token");
    }
}
