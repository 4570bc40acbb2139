package io.loadbench.datastores;

/**
 * A datastore could not be reached, started or used. The message is one line that names the server
 * ({@code host:port}) or the option and the cause, with any password masked, so a command can print it
 * as-is; the cause is kept for {@code --verbose}.
 */
public class DatastoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DatastoreException(String message) {
        super(message);
    }

    public DatastoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
