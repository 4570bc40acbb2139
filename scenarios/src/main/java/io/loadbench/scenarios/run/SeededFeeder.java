package io.loadbench.scenarios.run;

import java.util.Iterator;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * An endless Gatling feeder whose records are drawn from one seeded stream, so a run's sequence of choices
 * (locations, organisations, query kinds) is reproducible from its seed. Gatling's own random feeders and
 * {@code randomSwitch} use an unseeded thread-local random. {@link #next()} is synchronized: Gatling feeds from
 * one actor, but nothing here relies on that.
 */
public final class SeededFeeder implements Iterator<Map<String, Object>> {

    private final SplittableRandom random;
    private final Function<SplittableRandom, Map<String, Object>> draw;

    public SeededFeeder(long seed, Function<SplittableRandom, Map<String, Object>> draw) {
        this.random = new SplittableRandom(seed);
        this.draw = draw;
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public synchronized Map<String, Object> next() {
        return draw.apply(random);
    }
}
