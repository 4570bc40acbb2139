package io.loadbench.scenarios.custom;

import io.loadbench.loader.distribution.Zipf;
import io.loadbench.loader.random.RowRandom;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which key of the keyspace ({@code 1..keyspace}) a request gets, memtier's {@code --key-pattern}, named:
 * <ul>
 *   <li>{@code uniform}: every key equally likely (memtier's {@code R});</li>
 *   <li>{@code zipf:S}: key {@code k} with probability ∝ {@code k^-S} (key 1 the hottest), {@code S > 0}; memtier's
 *       {@code Z} with {@code --key-zipf-exp=S}; at most 2<sup>31</sup> - 1 keys;</li>
 *   <li>{@code gaussian:MEAN,SD} (or {@code gaussian} alone: the keyspace's middle and a sixth of its size, memtier's
 *       defaults): a normal law around key {@code MEAN}, rounded, redrawn outside the keyspace; memtier's {@code G}
 *       with {@code --key-median} and {@code --key-stddev}; {@code MEAN} within the keyspace, {@code 0 < SD <= keyspace};</li>
 *   <li>{@code sequential}: keys 1, 2, … keyspace, then 1 again, one sequence for the whole run (memtier's {@code S}
 *       walks one sequence per client instead), so N requests visit each of N keys once.</li>
 * </ul>
 * The random patterns draw from the stream they are given (seeded by the run). Thread-safe ({@code sequential}
 * counts atomically); immutable otherwise.
 */
public sealed interface KeyPattern {

    /** The next key number, from 1 to the keyspace. */
    long next(RowRandom random);

    /** The pattern as the option names it. */
    String describe();

    /**
     * @throws IllegalArgumentException saying what the option accepts
     */
    static KeyPattern parse(String option, long keyspace) {
        String text = option.strip().toLowerCase(Locale.ROOT);
        if (text.equals("uniform")) {
            return new Uniform(keyspace);
        }
        if (text.equals("sequential")) {
            return new Sequential(keyspace, new AtomicLong());
        }
        if (text.startsWith("zipf:")) {
            double exponent = number(text.substring("zipf:".length()), option);
            if (!(exponent > 0)) {
                throw new IllegalArgumentException("zipf:S needs an exponent S above 0, got '" + option + "'");
            }
            if (keyspace > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("zipf draws from at most " + Integer.MAX_VALUE + " keys; the keyspace has " + keyspace);
            }
            return new Zipfian(new Zipf((int) keyspace, exponent), exponent);
        }
        if (text.equals("gaussian") || text.startsWith("gaussian:")) {
            double mean = (keyspace + 1) / 2.0;
            double deviation = keyspace / 6.0;
            if (text.startsWith("gaussian:")) {
                String[] parts = text.substring("gaussian:".length()).split(",");
                if (parts.length != 2) {
                    throw new IllegalArgumentException("gaussian:MEAN,SD needs two numbers, got '" + option + "'");
                }
                mean = number(parts[0], option);
                deviation = number(parts[1], option);
            }
            if (mean < 1 || mean > keyspace) {
                throw new IllegalArgumentException("gaussian's MEAN must be a key of the keyspace (1 to " + keyspace + "), got " + mean);
            }
            if (!(deviation > 0) || deviation > keyspace) {
                throw new IllegalArgumentException("gaussian's SD must be above 0 and at most the keyspace (" + keyspace
                        + "), got " + deviation);
            }
            return new Gaussian(keyspace, mean, deviation);
        }
        throw new IllegalArgumentException("expected uniform, zipf:S, gaussian:MEAN,SD or sequential, got '" + option + "'");
    }

    private static double number(String text, String option) {
        try {
            double value = Double.parseDouble(text.strip());
            if (!Double.isFinite(value)) {
                throw new NumberFormatException(text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text.strip() + "' is not a number in '" + option + "'");
        }
    }

    /** Every key equally likely. */
    record Uniform(long keyspace) implements KeyPattern {
        @Override
        public long next(RowRandom random) {
            return 1 + random.nextLong(keyspace);
        }

        @Override
        public String describe() {
            return "uniform";
        }
    }

    /** Key k with probability ∝ k^-s. */
    record Zipfian(Zipf zipf, double exponent) implements KeyPattern {
        @Override
        public long next(RowRandom random) {
            return zipf.sample(random);
        }

        @Override
        public String describe() {
            return "zipf:" + exponent;
        }
    }

    /** A rounded normal law around {@code mean}, redrawn outside the keyspace. */
    record Gaussian(long keyspace, double mean, double deviation) implements KeyPattern {

        /** With SD at most the keyspace, a draw lands inside it at least one time in five: this many misses is a bug. */
        static final int MAX_DRAWS = 10_000;

        @Override
        public long next(RowRandom random) {
            for (int draw = 0; draw < MAX_DRAWS; draw++) {
                long key = Math.round(mean + deviation * random.nextGaussian());
                if (key >= 1 && key <= keyspace) {
                    return key;
                }
            }
            throw new IllegalStateException("no gaussian key inside the keyspace after " + MAX_DRAWS + " draws");
        }

        @Override
        public String describe() {
            return "gaussian:" + mean + "," + deviation;
        }
    }

    /** 1, 2, … keyspace, then 1 again. */
    record Sequential(long keyspace, AtomicLong taken) implements KeyPattern {
        @Override
        public long next(RowRandom random) {
            return 1 + Math.floorMod(taken.getAndIncrement(), keyspace);
        }

        @Override
        public String describe() {
            return "sequential";
        }
    }
}
