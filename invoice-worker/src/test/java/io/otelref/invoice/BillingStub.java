package io.otelref.invoice;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import io.otelref.invoice.client.InvoicesApi;
import io.otelref.invoice.client.Invoice;
import io.otelref.invoice.client.InvoiceRequest;
import io.otelref.platform.problem.Problem;
import io.otelref.platform.problem.ProblemTypes;

/**
 * billing-service's {@code POST /api/invoices} as the worker sees it, served by the test application
 * itself. Like billing it holds one invoice per order (201 the first time, 200 with the same invoice
 * after), and a test can make it unavailable or have it not know an order. It records the
 * {@code Idempotency-Key} of every call.
 */
@ApplicationScoped
@Path("/billing-stub/api/invoices")
public class BillingStub {

    private final Map<String, Invoice> invoicesByOrder = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> callsByOrder = new ConcurrentHashMap<>();
    private final Map<String, List<String>> idempotencyKeysByOrder = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failuresToServe = new ConcurrentHashMap<>();
    private final Set<String> unknownOrders = ConcurrentHashMap.newKeySet();
    private final Map<String, Duration> outagesToStart = new ConcurrentHashMap<>();
    private final Map<String, Instant> outageEnds = new ConcurrentHashMap<>();

    @POST
    public Response createInvoice(@HeaderParam(InvoicesApi.IDEMPOTENCY_KEY) String idempotencyKey, InvoiceRequest body) {
        String orderId = body.orderId();
        callsByOrder.computeIfAbsent(orderId, id -> new AtomicInteger()).incrementAndGet();
        idempotencyKeysByOrder.computeIfAbsent(orderId, id -> new CopyOnWriteArrayList<>()).add(String.valueOf(idempotencyKey));
        Duration outage = outagesToStart.remove(orderId);
        if (outage != null) {
            outageEnds.put(orderId, Instant.now().plus(outage));
        }
        if (Instant.now().isBefore(outageEnds.getOrDefault(orderId, Instant.MIN))) {
            return problem(503, "dependency-unavailable", "billing is down");
        }
        AtomicInteger failures = failuresToServe.get(orderId);
        if (failures != null && failures.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            return problem(503, "dependency-unavailable", "payment gateway unavailable");
        }
        if (unknownOrders.contains(orderId)) {
            return problem(404, "unknown-order", "no payment authorization for order " + orderId);
        }
        Invoice fresh = new Invoice(UUID.randomUUID().toString(), orderId, "acc-0042", new BigDecimal("42.50"), "EUR",
                "gw-" + UUID.randomUUID(), Instant.now());
        Invoice existing = invoicesByOrder.putIfAbsent(orderId, fresh);
        return existing == null ? Response.status(201).entity(fresh).build() : Response.ok(existing).build();
    }

    /**
     * Calls for this order answer 503 for {@code outage} from the first of them: an outage as the order's
     * processing meets it, however long the worker takes to be assigned the partition and read the record.
     */
    public void unavailableFromFirstCall(String orderId, Duration outage) {
        outagesToStart.put(orderId, outage);
    }

    /** The next {@code count} calls for this order answer 503. */
    public void failNextCalls(String orderId, int count) {
        failuresToServe.put(orderId, new AtomicInteger(count));
    }

    /** Calls for this order answer 404 {@code unknown-order}, as billing does without an authorization. */
    public void treatAsUnknown(String orderId) {
        unknownOrders.add(orderId);
    }

    public int callsFor(String orderId) {
        AtomicInteger calls = callsByOrder.get(orderId);
        return calls == null ? 0 : calls.get();
    }

    /** The Idempotency-Key of each call for this order, in order of arrival ("null" for a call without one). */
    public List<String> idempotencyKeysFor(String orderId) {
        return List.copyOf(idempotencyKeysByOrder.getOrDefault(orderId, List.of()));
    }

    public Invoice invoiceFor(String orderId) {
        return invoicesByOrder.get(orderId);
    }

    private static Response problem(int status, String type, String detail) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(ProblemTypes.uri(type), type, status, detail, null, null))
                .build();
    }
}
