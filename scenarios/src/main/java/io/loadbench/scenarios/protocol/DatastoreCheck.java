package io.loadbench.scenarios.protocol;

/**
 * A check on a reply: passes (possibly saving a value into the session) or fails with one line saying why.
 * Implementations are immutable and thread-safe; they run on the executor thread that received the reply.
 *
 * @param <R> {@link SqlResult} for SQL requests, the decoded reply ({@code String}, {@code Long},
 *            {@code List}, or null) for Redis commands
 */
@FunctionalInterface
public interface DatastoreCheck<R> {

    CheckResult check(R reply);
}
