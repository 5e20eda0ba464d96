package io.otelref.scenarios.cli;

/** The command line asks for something that does not exist; the message names the valid choices. */
public class UsageException extends Exception {

    public UsageException(String message) {
        super(message);
    }
}
