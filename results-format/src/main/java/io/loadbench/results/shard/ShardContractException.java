package io.loadbench.results.shard;

/**
 * A shard contract value that cannot be used. {@link #source()} names where it came from (an option such as
 * {@code --shard}, or an environment variable such as {@code JOB_COMPLETION_INDEX}), and {@link #problem()} says what
 * is wrong in a few words, so that a command prints one line naming both.
 */
public final class ShardContractException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String problem;

    public ShardContractException(String source, String problem) {
        super(source + ": " + problem);
        this.source = source;
        this.problem = problem;
    }

    /** The option (with its dashes) or the environment variable that holds the bad value. */
    public String source() {
        return source;
    }

    /** What is wrong with it. */
    public String problem() {
        return problem;
    }
}
