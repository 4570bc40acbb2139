package io.loadbench.report;

/**
 * A problem with the user's input (a run folder, a file in it, an option) that the report cannot work
 * around. Its message is one line that names what and where; {@link Main} prints it without a stack
 * trace unless {@code --verbose} is given.
 */
public final class ReportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReportException(String message) {
        super(message);
    }

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
