package io.otelref.billing.client;

/**
 * The constraints of the payment gateway's wire format, as a gateway states them in its API reference:
 * the simulated gateway enforces them (400), and billing's requests always meet them. Anchored, and with
 * ASCII classes only, because they are also the JSON Schema patterns of {@code /q/openapi}.
 */
public final class GatewayWire {

    /** A merchant's or the gateway's own reference: 1 to 64 characters of A-Z a-z 0-9 . _ : - */
    public static final String REFERENCE = "^[A-Za-z0-9._:-]{1,64}$";
    /** An ISO 4217 currency code. */
    public static final String CURRENCY = "^[A-Z]{3}$";
    /** The gateway's {@code Idempotency-Key}: the same alphabet and length as a reference. */
    public static final String IDEMPOTENCY_KEY = REFERENCE;
    /**
     * An amount in the currency's major unit: at most ten integer digits and two decimals. The maximum
     * says the same as the integer digits, in the form a JSON Schema can state ({@code @Digits} becomes
     * only a {@code multipleOf}).
     */
    public static final int AMOUNT_INTEGER_DIGITS = 10;
    public static final int AMOUNT_FRACTION_DIGITS = 2;
    public static final String MAX_AMOUNT = "9999999999.99";

    private GatewayWire() {
    }
}
