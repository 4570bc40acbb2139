package io.loadbench.results;

/**
 * A run-folder file that cannot be read as its format says: missing, not JSON, an unknown schema version, or a
 * field of the wrong type. The message is one line that names the file (and the field), for a user to act on.
 */
public final class ResultFormatException extends RuntimeException {

    public ResultFormatException(String message) {
        super(message);
    }

    public ResultFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
