package io.loadbench.scenarios.run;

import java.util.concurrent.atomic.AtomicInteger;

/** The closed model's concurrency: virtual users counted in and out, and the most at once. Thread-safe. */
final class ConcurrentUsers {

    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger max = new AtomicInteger();

    void started() {
        max.accumulateAndGet(active.incrementAndGet(), Math::max);
    }

    void ended() {
        active.decrementAndGet();
    }

    int max() {
        return max.get();
    }
}
