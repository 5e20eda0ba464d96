package io.otelref.platform.resilience;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import io.smallrye.faulttolerance.api.Guard;

/**
 * How this system calls a dependency over the network, declared once and turned into SmallRye Fault
 * Tolerance {@link Guard}s. A client declares its dependency's guard once, as a producer field with
 * {@code @Identifier}, and every method that calls the dependency names it with {@code @ApplyGuard}: the
 * methods share one circuit breaker, as they share the dependency, and the values are tuned per
 * dependency without a rebuild, e.g. {@code smallrye.faulttolerance."billing-service".timeout.value=500}.
 *
 * <p>A guard retries only what a later attempt could fix ({@link DependencyUnavailableException}, which
 * {@link DownstreamFailures#call} makes of 5xx and connection failures, and a {@link TimeoutException}),
 * with exponential backoff and jitter of half the first delay; its circuit breaker opens on such failures
 * and never on a {@link DownstreamRejection} (a 4xx is our caller's fault, not the dependency's); the
 * timeout bounds each attempt. They nest as the MicroProfile annotations do: retry around circuit breaker
 * around timeout, so an open breaker refuses a retry at once instead of waiting for it.
 *
 * @param maxRetries           retries after the first attempt; 0 makes one attempt only
 * @param firstRetryDelay      the pause before the first retry, doubled before each further one
 * @param maxRetryDelay        the longest pause between two attempts
 * @param attemptTimeout       how long one attempt may take
 * @param circuitBreaker       whether a circuit breaker stops calls to a dependency that keeps failing
 * @param breakerRequestVolume the calls the breaker judges at a time
 * @param breakerFailureRatio  the share of those calls that, failed, opens it
 * @param breakerDelay         how long it stays open before it lets a trial call through
 */
public record DependencyPolicy(int maxRetries, Duration firstRetryDelay, Duration maxRetryDelay, Duration attemptTimeout,
        boolean circuitBreaker, int breakerRequestVolume, double breakerFailureRatio, Duration breakerDelay) {

    /**
     * Three retries 100, 200, 400 ms apart ride out a blip without holding a caller for long; an attempt
     * gets 3 s; half of 20 calls failed opens the breaker for 5 s. A dependency that needs otherwise says so
     * with the {@code with…} methods, beside the reason.
     */
    public static final DependencyPolicy DEFAULT = new DependencyPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(2),
            Duration.ofSeconds(3), true, 20, 0.5, Duration.ofSeconds(5));

    /** The failures worth another attempt. */
    private static final List<Class<? extends Throwable>> RETRYABLE = List.of(DependencyUnavailableException.class,
            TimeoutException.class);

    public DependencyPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be zero or more: " + maxRetries);
        }
        if (!(breakerFailureRatio > 0 && breakerFailureRatio <= 1)) {
            throw new IllegalArgumentException("breakerFailureRatio must be in (0, 1]: " + breakerFailureRatio);
        }
    }

    public DependencyPolicy withAttemptTimeout(Duration timeout) {
        return new DependencyPolicy(maxRetries, firstRetryDelay, maxRetryDelay, timeout, circuitBreaker, breakerRequestVolume,
                breakerFailureRatio, breakerDelay);
    }

    public DependencyPolicy withRetryDelays(Duration first, Duration max) {
        return new DependencyPolicy(maxRetries, first, max, attemptTimeout, circuitBreaker, breakerRequestVolume,
                breakerFailureRatio, breakerDelay);
    }

    /** One attempt: for a call that another layer already retries, where retrying here would multiply the attempts. */
    public DependencyPolicy withoutRetries() {
        return new DependencyPolicy(0, firstRetryDelay, maxRetryDelay, attemptTimeout, circuitBreaker, breakerRequestVolume,
                breakerFailureRatio, breakerDelay);
    }

    public DependencyPolicy withoutCircuitBreaker() {
        return new DependencyPolicy(maxRetries, firstRetryDelay, maxRetryDelay, attemptTimeout, false, breakerRequestVolume,
                breakerFailureRatio, breakerDelay);
    }

    /** @param name the guard's identifier, and its circuit breaker's name for {@code CircuitBreakerMaintenance} */
    public Guard guard(String name) {
        return build(name, retry -> retry.retryOn(RETRYABLE));
    }

    /**
     * As {@link #guard}, but whether a failed attempt is tried again is {@code worthRetrying}'s decision, asked
     * after every failure; {@code onRetry} runs once a retry is decided, before its backoff. For a retry
     * budget, which must count the retries the guard makes.
     */
    public Guard guard(String name, Predicate<Throwable> worthRetrying, Runnable onRetry) {
        return build(name, retry -> retry.whenException(worthRetrying).onRetry(onRetry));
    }

    private Guard build(String name, Consumer<Guard.Builder.RetryBuilder> retryOn) {
        Guard.Builder builder = Guard.create().withDescription(name);
        if (maxRetries > 0) {
            builder.withRetry()
                    .maxRetries(maxRetries)
                    .delay(firstRetryDelay.toMillis(), ChronoUnit.MILLIS)
                    .jitter(firstRetryDelay.toMillis() / 2, ChronoUnit.MILLIS)
                    .withExponentialBackoff().factor(2).maxDelay(maxRetryDelay.toMillis(), ChronoUnit.MILLIS).done()
                    .with(retryOn)
                    .done();
        }
        if (circuitBreaker) {
            builder.withCircuitBreaker()
                    .requestVolumeThreshold(breakerRequestVolume)
                    .failureRatio(breakerFailureRatio)
                    .delay(breakerDelay.toMillis(), ChronoUnit.MILLIS)
                    .skipOn(DownstreamRejection.class)
                    .name(name)
                    .done();
        }
        return builder.withTimeout().duration(attemptTimeout.toMillis(), ChronoUnit.MILLIS).done().build();
    }
}
