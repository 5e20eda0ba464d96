package io.otelref.conventions;

import java.util.Objects;
import java.util.Optional;

/**
 * The registry's verdict on one attribute key.
 *
 * @param basis       why: the constant that declares it ({@code DbIncubatingAttributes.DB_STATEMENT}), the
 *                    template it matches, the {@code AppAttributes} field, or what was looked through in vain
 * @param replacement for a {@link Verdict#DEPRECATED} key, what to use instead, when it is known (the
 *                    artifacts name replacements only in their javadoc, see {@link KnownReplacements})
 */
public record Judgement(String key, Verdict verdict, String basis, Optional<Replacement> replacement) {

    public Judgement {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(replacement, "replacement");
    }

    public boolean isOffender() {
        return verdict.isOffender();
    }

    /** {@code db.statement DEPRECATED (DbIncubatingAttributes.DB_STATEMENT): use db.query.text}, for messages. */
    public String describe() {
        return key + " " + verdict + " (" + basis + ")" + replacement.map(r -> ": " + r.describe()).orElse("");
    }
}
