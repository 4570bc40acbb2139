package io.loadbench.results.store;

/** A results store that cannot be reached or used as asked; the message names the store's URI and the path. */
public final class ResultStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ResultStoreException(String message) {
        super(message);
    }

    public ResultStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
