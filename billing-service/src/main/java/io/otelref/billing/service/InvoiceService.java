package io.otelref.billing.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.opentelemetry.api.trace.Span;
import io.otelref.billing.client.GatewayCapture;
import io.otelref.billing.client.GatewayCaptureRequest;
import io.otelref.billing.client.PaymentGatewayClient;
import io.otelref.billing.domain.AuthorizationStatus;
import io.otelref.billing.domain.Invoice;
import io.otelref.billing.domain.PaymentAuthorization;
import io.otelref.billing.repository.InvoiceRepository;
import io.otelref.billing.repository.PaymentAuthorizationRepository;
import io.otelref.billing.repository.UniqueConstraint;
import io.otelref.telemetry.attributes.AppAttributes;
import io.otelref.platform.telemetry.BusinessSpan;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Issues the invoice of an order by capturing its authorized payment, at most once per idempotency key
 * however often the request is retried or redelivered. The key is the caller's: one key per order
 * means one invoice per order; a new key per attempt means an invoice, and a charge, per attempt. No
 * lock is held across the gateway call: concurrent requests with the same key may all reach the
 * gateway, which charges once per key, and the unique constraint on the key lets exactly one invoice
 * be stored.
 */
@ApplicationScoped
public class InvoiceService {

    private static final Logger LOG = Logger.getLogger(InvoiceService.class);

    /** The request header that carries the idempotency key, and the field named when it is wrong. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final InvoiceRepository invoices;
    private final PaymentAuthorizationRepository authorizations;
    private final PaymentGatewayClient gateway;

    InvoiceService(InvoiceRepository invoices, PaymentAuthorizationRepository authorizations, PaymentGatewayClient gateway) {
        this.invoices = invoices;
        this.authorizations = authorizations;
        this.gateway = gateway;
    }

    @BusinessSpan("billing.create_invoice")
    public Idempotent<Invoice> createInvoice(UUID orderId, String idempotencyKey) {
        Span span = Span.current();
        span.setAttribute(AppAttributes.ORDER_ID, orderId.toString());
        Idempotent<Invoice> result = earlierInvoice(orderId, idempotencyKey).map(Idempotent::replayed)
                .orElseGet(() -> issue(orderId, idempotencyKey));
        span.setAttribute(AppAttributes.ACCOUNT_ID, result.value().accountId);
        span.setAttribute(AppAttributes.INVOICE_ID, result.value().id.toString());
        span.setAttribute(AppAttributes.IDEMPOTENT_REPLAY, result.replayed());
        if (!result.replayed()) {
            LOG.infof("Invoice %s created for order %s", result.value().id, orderId);
        }
        return result;
    }

    /** Oldest first; more than one means the order was invoiced under several idempotency keys. */
    public List<Invoice> listByOrder(UUID orderId) {
        return QuarkusTransaction.requiringNew().call(() -> invoices.listByOrderId(orderId));
    }

    /** The invoice issued under this key, provided it is one of this order. */
    private Optional<Invoice> earlierInvoice(UUID orderId, String idempotencyKey) {
        Optional<Invoice> earlier = QuarkusTransaction.requiringNew().call(() -> invoices.findByIdempotencyKey(idempotencyKey));
        if (earlier.isPresent() && !earlier.get().orderId.equals(orderId)) {
            throw new IdempotencyKeyConflictException(orderId);
        }
        return earlier;
    }

    private Idempotent<Invoice> issue(UUID orderId, String idempotencyKey) {
        PaymentAuthorization authorization = QuarkusTransaction.requiringNew()
                .call(() -> authorizations.findByOrderId(orderId))
                .orElseThrow(() -> new UnknownOrderException(orderId));
        Span.current().setAttribute(AppAttributes.ACCOUNT_ID, authorization.accountId);
        if (authorization.status == AuthorizationStatus.PENDING) {
            throw new AuthorizationInProgressException(orderId);
        }
        if (authorization.status == AuthorizationStatus.VOIDED) {
            throw new AuthorizationVoidedException(orderId);
        }
        GatewayCapture capture = captureAtGateway(authorization, idempotencyKey);
        try {
            return Idempotent.created(QuarkusTransaction.requiringNew().call(() -> store(authorization.id, idempotencyKey, capture)));
        } catch (RuntimeException failure) {
            if (!UniqueConstraint.ONE_INVOICE_PER_IDEMPOTENCY_KEY.isViolatedBy(failure)) {
                throw failure;
            }
            return Idempotent.replayed(earlierInvoice(orderId, idempotencyKey).orElseThrow());
        }
    }

    /** Stores the invoice and marks the authorization captured, so it no longer uses up the account's credit. */
    private Invoice store(UUID authorizationId, String idempotencyKey, GatewayCapture capture) {
        PaymentAuthorization authorization = authorizations.findById(authorizationId);
        Invoice invoice = Invoice.issuedFor(authorization, idempotencyKey, capture.captureReference());
        invoices.persistAndFlush(invoice);
        authorization.capture();
        return invoice;
    }

    private GatewayCapture captureAtGateway(PaymentAuthorization authorization, String idempotencyKey) {
        return gateway.capture(idempotencyKey,
                new GatewayCaptureRequest(authorization.gatewayReference, authorization.amount, authorization.currency));
    }
}
