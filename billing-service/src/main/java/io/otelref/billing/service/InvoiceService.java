package io.otelref.billing.service;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;


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
import io.otelref.platform.telemetry.AppAttributes;
import io.otelref.platform.telemetry.BusinessSpan;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Issues the invoice of an order by capturing its authorized payment, at most once per order however
 * often the request is retried or redelivered. No lock is held across the gateway call: concurrent
 * requests for the same order may all reach the gateway, whose idempotency key (the order id) makes it
 * charge once, and the unique constraint on the order lets exactly one invoice be stored.
 */
@ApplicationScoped
public class InvoiceService {

    private final InvoiceRepository invoices;
    private final PaymentAuthorizationRepository authorizations;
    private final PaymentGatewayClient gateway;

    InvoiceService(InvoiceRepository invoices, PaymentAuthorizationRepository authorizations, PaymentGatewayClient gateway) {
        this.invoices = invoices;
        this.authorizations = authorizations;
        this.gateway = gateway;
    }

    @BusinessSpan("billing.create_invoice")
    public Idempotent<Invoice> createInvoice(UUID orderId) {
        Span span = Span.current();
        span.setAttribute(AppAttributes.ORDER_ID, orderId.toString());
        Idempotent<Invoice> result = findByOrder(orderId).map(Idempotent::replayed).orElseGet(() -> issue(orderId));
        span.setAttribute(AppAttributes.ACCOUNT_ID, result.value().accountId);
        span.setAttribute(AppAttributes.INVOICE_ID, result.value().id.toString());
        span.setAttribute(AppAttributes.IDEMPOTENT_REPLAY, result.replayed());
        return result;
    }

    public Optional<Invoice> findByOrder(UUID orderId) {
        return QuarkusTransaction.requiringNew().call(() -> invoices.findByOrderId(orderId));
    }

    private Idempotent<Invoice> issue(UUID orderId) {
        PaymentAuthorization authorization = QuarkusTransaction.requiringNew()
                .call(() -> authorizations.findByOrderId(orderId))
                .orElseThrow(() -> new UnknownOrderException(orderId));
        Span.current().setAttribute(AppAttributes.ACCOUNT_ID, authorization.accountId);
        if (authorization.status == AuthorizationStatus.PENDING) {
            throw new AuthorizationInProgressException(orderId);
        }
        GatewayCapture capture = captureAtGateway(authorization);
        try {
            return Idempotent.created(QuarkusTransaction.requiringNew().call(() -> store(authorization.id, capture)));
        } catch (RuntimeException failure) {
            if (!UniqueConstraint.ONE_INVOICE_PER_ORDER.isViolatedBy(failure)) {
                throw failure;
            }
            return Idempotent.replayed(findByOrder(orderId).orElseThrow());
        }
    }

    /** Stores the invoice and marks the authorization captured, so it no longer uses up the account's credit. */
    private Invoice store(UUID authorizationId, GatewayCapture capture) {
        PaymentAuthorization authorization = authorizations.findById(authorizationId);
        Invoice invoice = Invoice.issuedFor(authorization, capture.captureReference());
        invoices.persistAndFlush(invoice);
        authorization.capture();
        return invoice;
    }

    private GatewayCapture captureAtGateway(PaymentAuthorization authorization) {
        return gateway.capture(authorization.orderId.toString(),
                new GatewayCaptureRequest(authorization.gatewayReference, authorization.amount, authorization.currency));
    }
}
