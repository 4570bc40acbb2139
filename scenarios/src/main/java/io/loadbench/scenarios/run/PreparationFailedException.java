package io.loadbench.scenarios.run;

/**
 * A simulation's preparation (its dataset, its fixtures) failed before the load: the run folder already ends FAILED
 * with the reason. Gatling and the gatling-maven-plugin's fork print what {@code before()} throws with its stack
 * trace; this exception prints as its one-line message, without stack trace or cause, unless {@code -Dverbose=true}
 * asks for them (the loader's {@code --verbose}). {@link PreparationFailureLogFilter} keeps Gatling's own
 * "Run crashed" log of it off the console.
 */
public final class PreparationFailedException extends RuntimeException {

    private final boolean verbose;

    private PreparationFailedException(String message, Throwable cause, boolean verbose) {
        super(message, verbose ? cause : null, false, verbose);
        this.verbose = verbose;
    }

    /**
     * @param message one line naming the problem
     * @param cause   kept (with the stack traces) only when {@code verbose}
     */
    public static PreparationFailedException of(String message, Throwable cause, boolean verbose) {
        return new PreparationFailedException(message, cause, verbose);
    }

    public boolean verbose() {
        return verbose;
    }

    /** The message alone: {@code printStackTrace} starts with this line, and without a stack trace it is all it prints. */
    @Override
    public String toString() {
        return verbose ? super.toString() : getMessage();
    }
}
