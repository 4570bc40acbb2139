package io.loadbench.datastores;

/**
 * A target option ({@code --target}, {@code --pg-url}, {@code --redis-url} or their environment variables) is
 * malformed or contradicts another one. The message names the option; a URL in it has its password masked.
 */
public class InvalidTargetException extends DatastoreException {
    private static final long serialVersionUID = 1L;

    public InvalidTargetException(String message) {
        super(message);
    }
}
