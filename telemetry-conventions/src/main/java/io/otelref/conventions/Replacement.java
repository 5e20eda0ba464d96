package io.otelref.conventions;

import java.util.List;
import java.util.Objects;

/**
 * What replaces a deprecated key.
 *
 * @param keys the current names to use instead; empty when the conventions name none
 * @param note how to use them, as the conventions put it, e.g. which one on which side of a call
 */
public record Replacement(List<String> keys, String note) {

    public Replacement {
        keys = List.copyOf(keys);
        Objects.requireNonNull(note, "note");
    }

    /** {@code use db.query.text}, or the note alone when it says more than the key does. */
    public String describe() {
        if (keys.isEmpty()) {
            return note;
        }
        return "use " + String.join(" or ", keys) + (note.isEmpty() ? "" : " (" + note + ")");
    }
}
