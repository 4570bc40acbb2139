package io.loadbench.loader.sink.postgres;

/** A load that failed: names the table and batch, keeps the cause. */
public final class CopyLoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CopyLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
