package io.otelref.billing.rest;

/** The shapes of the identifiers this API accepts; anything else is a 400 naming the field. */
final class ApiPatterns {

    static final String SKU = "SKU-\\d{4}";
    static final String ACCOUNT_ID = "acc-\\d{4}";
    static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    static final String CURRENCY = "EUR";

    private ApiPatterns() {
    }
}
