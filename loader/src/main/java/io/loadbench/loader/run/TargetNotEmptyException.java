package io.loadbench.loader.run;

/** The target already holds tables of the dataset (or another plan's load) and the user did not ask to resume. */
public final class TargetNotEmptyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TargetNotEmptyException(String message) {
        super(message);
    }
}
