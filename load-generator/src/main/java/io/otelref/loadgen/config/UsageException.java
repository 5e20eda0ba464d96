package io.otelref.loadgen.config;

/** A command line that cannot be run; the message names the offending flag or value. */
public final class UsageException extends Exception {

    public UsageException(String message) {
        super(message);
    }
}
