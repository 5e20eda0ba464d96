package io.otelref.billing.service;

/**
 * The result of an operation that may be asked for more than once.
 *
 * @param value    what the first request created
 * @param replayed true when this request found it already there and changed nothing
 */
public record Idempotent<T>(T value, boolean replayed) {

    public static <T> Idempotent<T> created(T value) {
        return new Idempotent<>(value, false);
    }

    public static <T> Idempotent<T> replayed(T value) {
        return new Idempotent<>(value, true);
    }
}
