package io.loadbench.loader.sink.postgres;

/** A load that failed: names the table and batch, keeps the cause. */
public final class CopyLoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean stall;

    public CopyLoadException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private CopyLoadException(String message, Throwable cause, boolean stall) {
        super(message, cause);
        this.stall = stall;
    }

    /** The COPY stall watchdog aborted the batch: the message already says which server made no progress. */
    static CopyLoadException stalled(String message, Throwable cause) {
        return new CopyLoadException(message, cause, true);
    }

    /** Whether this is the stall watchdog's failure (the first and most precise account of a frozen server). */
    public boolean isStall() {
        return stall;
    }
}
