package io.otelref.scenarios.stack;

/** The stack is not in a state a scenario can run against; the message says what to do. */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }
}
