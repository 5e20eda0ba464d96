package io.otelref.billing.rest;

/**
 * The shapes of the identifiers this API accepts; anything else is a 400 naming the field. Each is both a
 * Bean Validation pattern and, in {@code /q/openapi}, a JSON Schema one; so each is anchored (a JSON
 * Schema pattern matches anywhere in the value unless anchored) and spells digits {@code [0-9]} (in
 * JSON Schema {@code \d} may match any Unicode digit).
 */
final class ApiPatterns {

    static final String SKU = "^SKU-[0-9]{4}$";
    static final String ACCOUNT_ID = "^acc-[0-9]{4}$";
    static final String UUID = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
    static final String CURRENCY = "^EUR$";

    private ApiPatterns() {
    }
}
