package io.otelref.billing.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;


import org.jboss.logging.Logger;

import io.opentelemetry.api.trace.Span;
import io.otelref.billing.client.GatewayAuthorization;
import io.otelref.billing.client.GatewayAuthorizationRequest;
import io.otelref.billing.client.PaymentGatewayClient;
import io.otelref.billing.config.BillingFixes;
import io.otelref.billing.domain.Account;
import io.otelref.billing.domain.AuthorizationStatus;
import io.otelref.billing.domain.PaymentAuthorization;
import io.otelref.billing.repository.AccountRepository;
import io.otelref.billing.repository.PaymentAuthorizationRepository;
import io.otelref.billing.repository.UniqueConstraint;
import io.otelref.telemetry.attributes.AppAttributes;
import io.otelref.platform.telemetry.BusinessSpan;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Authorizes the payment of an order against the account's credit limit and the payment gateway, at
 * most once per order. The credit check must see every other authorization of the account, so it runs
 * while holding the account's row lock; how long that lock is held is the subject of
 * {@link BillingFixes#releaseLockBeforeGateway()}.
 */
@ApplicationScoped
public class PaymentAuthorizationService {

    private static final Logger LOG = Logger.getLogger(PaymentAuthorizationService.class);

    private final AccountRepository accounts;
    private final PaymentAuthorizationRepository authorizations;
    private final PaymentGatewayClient gateway;
    private final BillingFixes fixes;

    PaymentAuthorizationService(AccountRepository accounts, PaymentAuthorizationRepository authorizations,
            PaymentGatewayClient gateway, BillingFixes fixes) {
        this.accounts = accounts;
        this.authorizations = authorizations;
        this.gateway = gateway;
        this.fixes = fixes;
    }

    @BusinessSpan("billing.authorize_payment")
    public Idempotent<PaymentAuthorization> authorize(AuthorizationCommand command) {
        Span span = Span.current();
        span.setAttribute(AppAttributes.ACCOUNT_ID, command.accountId());
        span.setAttribute(AppAttributes.ORDER_ID, command.orderId().toString());
        try {
            Idempotent<PaymentAuthorization> result = QuarkusTransaction.requiringNew()
                    .call(() -> earlierAuthorization(command))
                    .map(Idempotent::replayed)
                    .orElseGet(() -> fixes.releaseLockBeforeGateway() ? authorizeReleasingLock(command)
                            : authorizeHoldingLock(command));
            span.setAttribute(AppAttributes.PAYMENT_OUTCOME, "authorized");
            span.setAttribute(AppAttributes.IDEMPOTENT_REPLAY, result.replayed());
            if (!result.replayed()) {
                LOG.infof("Payment authorized for order %s", command.orderId());
            }
            return result;
        } catch (PaymentDeclinedException declined) {
            span.setAttribute(AppAttributes.PAYMENT_OUTCOME, "declined");
            throw declined;
        } catch (RuntimeException failure) {
            if (!UniqueConstraint.ONE_AUTHORIZATION_PER_ORDER.isViolatedBy(failure)) {
                throw failure;
            }
            // The same order was authorized concurrently, through another account's lock: the winner answers.
            span.setAttribute(AppAttributes.IDEMPOTENT_REPLAY, true);
            return QuarkusTransaction.requiringNew().call(() -> earlierAuthorization(command))
                    .map(Idempotent::replayed)
                    .orElseThrow(() -> new AuthorizationInProgressException(command.orderId()));
        }
    }

    /**
     * The classic mistake, kept as the default so that its cost can be seen: the account row stays
     * locked while the gateway answers (tens of milliseconds; seconds when it is slow or retried), and
     * every other authorization of the account queues behind it, measured in {@code app.account.lock_wait.duration}.
     */
    private Idempotent<PaymentAuthorization> authorizeHoldingLock(AuthorizationCommand command) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<PaymentAuthorization> earlier = lockAccountAndCheckCredit(command);
            if (earlier.isPresent()) {
                return Idempotent.replayed(earlier.get());
            }
            GatewayAuthorization approval = approveAtGateway(command);
            return Idempotent.created(store(command, AuthorizationStatus.AUTHORIZED, approval.authorizationReference()));
        });
    }

    /**
     * The fix: the first transaction locks the account, checks the credit, reserves it with a PENDING
     * authorization and commits, which releases the lock. The gateway is called holding no lock; a
     * second transaction then approves the reservation, or the reservation is removed when the gateway
     * could not be reached. A PENDING reservation counts against the credit like an approved one, so
     * concurrent authorizations still cannot spend the same credit twice.
     */
    private Idempotent<PaymentAuthorization> authorizeReleasingLock(AuthorizationCommand command) {
        Idempotent<PaymentAuthorization> reservation = QuarkusTransaction.requiringNew().call(() ->
                lockAccountAndCheckCredit(command)
                        .map(Idempotent::replayed)
                        .orElseGet(() -> Idempotent.created(store(command, AuthorizationStatus.PENDING, null))));
        if (reservation.replayed()) {
            return reservation;
        }
        UUID reservationId = reservation.value().id;
        GatewayAuthorization approval;
        try {
            approval = approveAtGateway(command);
        } catch (RuntimeException failure) {
            QuarkusTransaction.requiringNew().run(() -> authorizations.deleteById(reservationId));
            throw failure;
        }
        return Idempotent.created(QuarkusTransaction.requiringNew().call(() -> {
            PaymentAuthorization authorization = authorizations.findById(reservationId);
            authorization.approve(approval.authorizationReference());
            return authorization;
        }));
    }

    /**
     * Locks the account row for the rest of the current transaction, then checks the credit. Returns the
     * authorization of this order if a concurrent request stored it while we waited for the lock.
     */
    private Optional<PaymentAuthorization> lockAccountAndCheckCredit(AuthorizationCommand command) {
        Account account = accounts.lockForUpdate(command.accountId())
                .orElseThrow(() -> new UnknownAccountException(command.accountId()));
        Optional<PaymentAuthorization> earlier = earlierAuthorization(command);
        if (earlier.isPresent()) {
            return earlier;
        }
        BigDecimal available = account.creditLimit.subtract(authorizations.openAmount(account.id));
        if (command.amount().compareTo(available) > 0) {
            throw new PaymentDeclinedException(account.id, command.amount(), available.max(BigDecimal.ZERO), account.currency);
        }
        return Optional.empty();
    }

    /**
     * Gives back the money held for an order that its caller never stored, once, however often asked: the
     * gateway releases its hold first, then the authorization stops counting against the account's credit.
     * A captured authorization (the order was invoiced) cannot be voided, nor one still being authorized.
     */
    @BusinessSpan("billing.void_authorization")
    public Idempotent<PaymentAuthorization> voidAuthorization(UUID orderId) {
        Span span = Span.current();
        span.setAttribute(AppAttributes.ORDER_ID, orderId.toString());
        PaymentAuthorization authorization = QuarkusTransaction.requiringNew()
                .call(() -> authorizations.findByOrderId(orderId))
                .orElseThrow(() -> new UnknownOrderException(orderId));
        span.setAttribute(AppAttributes.ACCOUNT_ID, authorization.accountId);
        Idempotent<PaymentAuthorization> result = switch (authorization.status) {
            case VOIDED -> Idempotent.replayed(authorization);
            case CAPTURED -> throw new AuthorizationCapturedException(orderId);
            case PENDING -> throw new AuthorizationInProgressException(orderId);
            case AUTHORIZED -> {
                gateway.voidAuthorization(authorization.gatewayReference);
                yield Idempotent.created(QuarkusTransaction.requiringNew().call(() -> markVoided(authorization.id)));
            }
        };
        span.setAttribute(AppAttributes.PAYMENT_OUTCOME, "voided");
        span.setAttribute(AppAttributes.IDEMPOTENT_REPLAY, result.replayed());
        return result;
    }

    /** Locked, so that a capture racing the void (which the callers' protocol rules out) cannot both win. */
    private PaymentAuthorization markVoided(UUID authorizationId) {
        PaymentAuthorization authorization = authorizations.findById(authorizationId, LockModeType.PESSIMISTIC_WRITE);
        if (authorization.status == AuthorizationStatus.CAPTURED) {
            throw new AuthorizationCapturedException(authorization.orderId);
        }
        if (authorization.status != AuthorizationStatus.VOIDED) {
            authorization.markVoided();
        }
        return authorization;
    }

    /**
     * The order's existing authorization, provided it is complete and was asked for with the same details.
     * A voided one does not count: the order is authorized afresh.
     */
    private Optional<PaymentAuthorization> earlierAuthorization(AuthorizationCommand command) {
        Optional<PaymentAuthorization> earlier = authorizations.findByOrderId(command.orderId())
                .filter(existing -> existing.status != AuthorizationStatus.VOIDED);
        earlier.ifPresent(existing -> requireSameRequest(existing, command));
        return earlier;
    }

    private static void requireSameRequest(PaymentAuthorization existing, AuthorizationCommand command) {
        List<String> differing = new ArrayList<>();
        if (!existing.accountId.equals(command.accountId())) {
            differing.add("accountId");
        }
        if (existing.amount.compareTo(command.amount()) != 0) {
            differing.add("amount");
        }
        if (!existing.currency.equals(command.currency())) {
            differing.add("currency");
        }
        if (!differing.isEmpty()) {
            throw new AuthorizationConflictException(command.orderId(), differing);
        }
        if (existing.status == AuthorizationStatus.PENDING) {
            throw new AuthorizationInProgressException(command.orderId());
        }
    }

    /** A new authorization, in the row of a voided one of the same order if there is one (one row per order). */
    private PaymentAuthorization store(AuthorizationCommand command, AuthorizationStatus status, String gatewayReference) {
        Optional<PaymentAuthorization> voided = authorizations.findByOrderId(command.orderId());
        if (voided.isPresent()) {
            requireSameRequest(voided.get(), command);
            voided.get().renew(command.amount(), command.currency(), status, gatewayReference);
            authorizations.flush();
            return voided.get();
        }
        PaymentAuthorization authorization = PaymentAuthorization.of(command.orderId(), command.accountId(),
                command.amount(), command.currency(), status, gatewayReference);
        authorizations.persistAndFlush(authorization);
        return authorization;
    }

    private GatewayAuthorization approveAtGateway(AuthorizationCommand command) {
        return gateway.authorize(new GatewayAuthorizationRequest(command.orderId().toString(), command.accountId(),
                command.amount(), command.currency()));
    }
}
