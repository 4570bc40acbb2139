package io.loadbench.loader.run;

/** Another load (or drop) of the same dataset holds the dataset's lock on the target ({@link DatasetLock}). */
public final class LoadInProgressException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LoadInProgressException(String message) {
        super(message);
    }
}
