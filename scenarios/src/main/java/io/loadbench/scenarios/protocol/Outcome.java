package io.loadbench.scenarios.protocol;

/**
 * How one blocking call ended, with the three readings latency is computed from.
 *
 * @param value              the reply, when it succeeded (may be null: a Redis miss)
 * @param failure            one line saying why it failed, or null
 * @param intendedStartNanos {@link System#nanoTime()} when the virtual user asked for the request
 * @param serviceStartNanos  when a connection was held (equal to {@code endNanos} if none was obtained)
 * @param endNanos           when the reply or the failure arrived
 */
public record Outcome<T>(T value, String failure, long intendedStartNanos, long serviceStartNanos, long endNanos) {

    public boolean succeeded() {
        return failure == null;
    }

    /** Latency from the intended start, in nanoseconds. */
    public long intendedLatencyNanos() {
        return endNanos - intendedStartNanos;
    }
}
