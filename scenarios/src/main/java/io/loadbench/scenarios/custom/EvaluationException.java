package io.loadbench.scenarios.custom;

/**
 * An expression that cannot be evaluated with the values it met (division by zero, an integer overflow, an empty
 * random range): pgbench aborts the client, here the transaction fails with the message, prefixed by the script's
 * {@code FILE:LINE}.
 */
public final class EvaluationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EvaluationException(String message) {
        // thrown per transaction on a bad draw: no stack trace to fill, the message is all a user needs
        super(message, null, false, false);
    }
}
