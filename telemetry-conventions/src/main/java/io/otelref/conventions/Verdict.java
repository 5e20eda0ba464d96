package io.otelref.conventions;

/** What the registry says of one attribute key. */
public enum Verdict {

    /** A current name in {@code opentelemetry-semconv}: a stable convention. */
    CURRENT_STABLE(false),

    /** A current name only in {@code opentelemetry-semconv-incubating}: development or experimental. */
    CURRENT_INCUBATING(false),

    /** A name the conventions have deprecated (or renamed and dropped): use its replacement. */
    DEPRECATED(true),

    /** One of our own {@code app.*} keys, declared in {@code AppAttributes}. */
    APP(false),

    /** Neither a semantic-convention name nor one of ours, e.g. a typo or an undeclared {@code app.*} key. */
    UNKNOWN(true);

    private final boolean offender;

    Verdict(boolean offender) {
        this.offender = offender;
    }

    /** True when a span should not carry a key with this verdict. */
    public boolean isOffender() {
        return offender;
    }
}
