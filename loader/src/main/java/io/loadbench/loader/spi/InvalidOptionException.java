package io.loadbench.loader.spi;

/**
 * A rejected option value. The message names the option and says what is wrong; the CLI prints it as one
 * line and exits non-zero.
 */
public final class InvalidOptionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String option;

    public InvalidOptionException(String option, String problem) {
        super("invalid value for option '" + option + "': " + problem);
        this.option = option;
    }

    /** The option, with its dashes, e.g. {@code --users}. */
    public String option() {
        return option;
    }
}
