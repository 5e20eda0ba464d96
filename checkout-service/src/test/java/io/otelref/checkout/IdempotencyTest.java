package io.otelref.checkout;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.otelref.checkout.domain.CustomerOrder;
import io.otelref.checkout.stub.BillingStub;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class IdempotencyTest {

    private static final String ORDER = "{\"accountId\":\"acc-0100\",\"items\":[{\"sku\":\"SKU-0020\",\"quantity\":2}]}";

    @Inject
    BillingStub billing;

    @BeforeEach
    void resetBilling() {
        billing.reset();
        billing.priceLatency = Duration.ZERO;
    }

    @Test
    void sameKeySameBodyReturnsTheOriginalResponseAndCreatesNothingNew() {
        String key = UUID.randomUUID().toString();
        Response first = checkout(key, ORDER);
        first.then().statusCode(201);
        long ordersAfterFirst = ordersOf("acc-0100");

        Response replay = checkout(key, ORDER.replace(":", ": "));
        replay.then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", first.header("Location"));
        assertEquals(first.body().asString(), replay.body().asString(), "the original response, byte for byte");
        assertEquals(ordersAfterFirst, ordersOf("acc-0100"));
        assertEquals(1, billing.authorizationCalls.get(), "the replay does not pay again");
    }

    @Test
    void sameKeyDifferentBodyIsRejectedNamingTheHeader() {
        String key = UUID.randomUUID().toString();
        checkout(key, ORDER).then().statusCode(201);
        checkout(key, ORDER.replace("\"quantity\":2", "\"quantity\":3"))
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("/idempotency-key-reused"))
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void aDeclineIsReplayedToo() {
        billing.decliningAccounts.add("acc-0101");
        String key = UUID.randomUUID().toString();
        String body = ORDER.replace("acc-0100", "acc-0101");
        String declined = checkout(key, body).then().statusCode(402).extract().asString();
        billing.decliningAccounts.clear();
        checkout(key, body).then().statusCode(402).header("Idempotent-Replayed", "true");
        assertEquals(declined, checkout(key, body).asString());
        assertEquals(1, billing.authorizationCalls.get());
    }

    @Test
    void afterAnOutageTheRetryWithTheSameKeyExecutesForTheSameOrder() {
        billing.down = true;
        String key = UUID.randomUUID().toString();
        String body = ORDER.replace("acc-0100", "acc-0102");
        checkout(key, body).then().statusCode(503);
        billing.down = false;
        checkout(key, body).then().statusCode(201);
        assertEquals(1, ordersOf("acc-0102"));
    }

    @Test
    void concurrentRequestsWithOneKeyPlaceOneOrder() throws Exception {
        billing.priceLatency = Duration.ofMillis(200);
        String key = UUID.randomUUID().toString();
        String body = ORDER.replace("acc-0100", "acc-0103");
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> responses = new ArrayList<>();
            for (int client = 0; client < 4; client++) {
                responses.add(clients.submit(() -> checkout(key, body).statusCode()));
            }
            for (Future<Integer> response : responses) {
                statuses.add(response.get());
            }
        }
        assertEquals(1, ordersOf("acc-0103"), "statuses were " + statuses);
        assertEquals(1, billing.authorizationCalls.get(), "statuses were " + statuses);
        // Each duplicate either found the first request in progress (409) or replayed its 201.
        assertTrue(statuses.contains(201) && statuses.stream().allMatch(status -> status == 201 || status == 409),
                "statuses were " + statuses);
    }

    private static Response checkout(String key, String body) {
        return given().contentType("application/json").header("Idempotency-Key", key).body(body).post("/api/checkout");
    }

    private static long ordersOf(String accountId) {
        return QuarkusTransaction.requiringNew().call(() -> CustomerOrder.count("accountId", accountId));
    }
}
