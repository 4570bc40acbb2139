package io.loadbench.scenarios.custom;

import io.loadbench.loader.distribution.Zipf;
import io.loadbench.loader.random.RowRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * The functions a {@code \set} expression may call: pgbench's numeric functions, with pgbench's definitions (its
 * documentation and {@code pgbench.c}, PostgreSQL 15-17). The random ones draw from the transaction's own stream
 * ({@link ScriptState}), so their values differ from pgbench's, their distributions do not:
 * <ul>
 *   <li>{@code random(lb, ub)}: uniform on the integers {@code [lb, ub]};</li>
 *   <li>{@code random_exponential(lb, ub, parameter)}: pgbench's truncated exponential, value
 *       {@code lb + floor((ub - lb + 1) · r)} with {@code r = -ln(cut + (1 - cut)·u) / parameter},
 *       {@code cut = e^-parameter}, {@code u} uniform on (0, 1]; {@code parameter > 0};</li>
 *   <li>{@code random_gaussian(lb, ub, parameter)}: a standard normal (Box-Muller, as {@code pg_prng_double_normal})
 *       redrawn until it falls in {@code [-parameter, parameter)}, mapped linearly onto {@code [lb, ub]};
 *       {@code parameter >= 2};</li>
 *   <li>{@code random_zipfian(lb, ub, s)}: the bounded Zipf law pgbench draws, {@code P(lb - 1 + k) ∝ k^-s} for
 *       {@code k} in {@code 1..ub-lb+1}, so that {@code lb} is drawn {@code 2^s} times as often as {@code lb + 1};
 *       {@code s} in pgbench's {@code [1.001, 1000]}. pgbench samples it by Devroye's rejection method; the same law
 *       is sampled here by the loader's {@link Zipf} (Hörmann and Derflinger's rejection-inversion, O(1) for every
 *       {@code s}), which limits the range to 2<sup>31</sup> - 1 values;</li>
 *   <li>{@code permute(i, size [, seed])}: pgbench's pseudorandom permutation of {@code [0, size)}, computed exactly
 *       as pgbench computes it (its {@code pg_prng}), so the same arguments give pgbench's value; the seed defaults to
 *       {@code :default_seed};</li>
 *   <li>{@code hash(v [, seed])} = {@code hash_murmur2}, and {@code hash_fnv1a(v, seed)}: pgbench's 64-bit hashes;</li>
 *   <li>{@code abs}, {@code least}, {@code greatest} (double if any argument is), {@code int} (rounds half to even),
 *       {@code double}, {@code mod}, {@code sqrt}, {@code exp}, {@code ln}, {@code pow}/{@code power}, {@code pi}.</li>
 * </ul>
 */
enum ScriptFunction {

    ABS("abs", 1, 1) {
        @Override
        Value apply(Value[] args, ScriptState state) {
            return args[0] instanceof Value.IntValue i ? Value.of(Math.abs(i.value())) : Value.of(Math.abs(args[0].asDouble()));
        }
    },
    LEAST("least", 1, Integer.MAX_VALUE) {
        @Override
        Value apply(Value[] args, ScriptState state) {
            return extremum(args, true);
        }
    },
    GREATEST("greatest", 1, Integer.MAX_VALUE) {
        @Override
        Value apply(Value[] args, ScriptState state) {
            return extremum(args, false);
        }
    },
    INT("int", 1, 1) {
        @Override
        Value apply(Value[] args, ScriptState state) {
            return Value.of(args[0].asInt());
        }
    },
    DOUBLE("double", 1, 1) {
        @Override
        Value apply(Value[] args, ScriptState state) {
            return Value.of(args[0].asDouble());
        }
    },
    MOD("mod", 2, 2) {
        @Override
        Value apply(Value[] args, ScriptState state) {
            return Expr.Operator.MOD.apply(args[0], args[1]);
        }
    },
    SQRT("sqrt", 1, 1) {
        @Override
        Value apply(Value[] args, ScriptState state) {
            return Value.of(Math.sqrt(args[0].asDouble()));
        }
    },
    EXP("exp", 1, 1) {
        @Override
        Value apply(Value[] args, ScriptState state) {
            return Value.of(Math.exp(args[0].asDouble()));
        }
    },
    LN("ln", 1, 1) {
        @Override
        Value apply(Value[] args, ScriptState state) {
            return Value.of(Math.log(args[0].asDouble()));
        }
    },
    POW("pow", 2, 2) {
        @Override
        Value apply(Value[] args, ScriptState state) {
            return Value.of(Math.pow(args[0].asDouble(), args[1].asDouble()));
        }
    },
    POWER("power", 2, 2) {
        @Override
        Value apply(Value[] args, ScriptState state) {
            return POW.apply(args, state);
        }
    },
    PI("pi", 0, 0) {
        @Override
        Value apply(Value[] args, ScriptState state) {
            return Value.of(Math.PI);
        }
    },
    RANDOM("random", 2, 2) {
        @Override
        Value apply(Value[] args, ScriptState state) {
            long lb = args[0].asInt();
            long count = rangeSize(lb, args[1].asInt());
            return Value.of(lb + state.random().nextLong(count));
        }
    },
    RANDOM_EXPONENTIAL("random_exponential", 3, 3) {
        @Override
        Value apply(Value[] args, ScriptState state) {
            long lb = args[0].asInt();
            long count = rangeSize(lb, args[1].asInt());
            double parameter = args[2].asDouble();
            if (!(parameter > 0)) {
                throw new EvaluationException("exponential parameter must be greater than zero (not " + args[2].text() + ")");
            }
            double cut = Math.exp(-parameter);
            double uniform = state.random().nextDoubleNonZero();
            double r = -Math.log(cut + (1 - cut) * uniform) / parameter;
            return Value.of(lb + (long) (count * r));
        }
    },
    RANDOM_GAUSSIAN("random_gaussian", 3, 3) {
        @Override
        Value apply(Value[] args, ScriptState state) {
            long lb = args[0].asInt();
            long count = rangeSize(lb, args[1].asInt());
            double parameter = args[2].asDouble();
            if (!(parameter >= MIN_GAUSSIAN_PARAMETER)) {
                throw new EvaluationException("gaussian parameter must be at least 2 (not " + args[2].text() + ")");
            }
            RowRandom random = state.random();
            double normal;
            do {
                // pg_prng_double_normal: both uniforms in (0, 1], sin
                double u1 = random.nextDoubleNonZero();
                double u2 = random.nextDoubleNonZero();
                normal = Math.sqrt(-2 * Math.log(u1)) * Math.sin(2 * Math.PI * u2);
            } while (normal < -parameter || normal >= parameter);
            double r = (normal + parameter) / (parameter * 2);
            return Value.of(lb + (long) (count * r));
        }
    },
    RANDOM_ZIPFIAN("random_zipfian", 3, 3) {
        @Override
        Value apply(Value[] args, ScriptState state) {
            long lb = args[0].asInt();
            long count = rangeSize(lb, args[1].asInt());
            double s = args[2].asDouble();
            if (!(s >= MIN_ZIPFIAN_PARAMETER && s <= MAX_ZIPFIAN_PARAMETER)) {
                throw new EvaluationException("zipfian parameter must be in range [1.001, 1000] (not " + args[2].text() + ")");
            }
            if (count > Integer.MAX_VALUE) {
                throw new EvaluationException("random_zipfian range of " + count + " values is too large (at most "
                        + Integer.MAX_VALUE + " here)");
            }
            return Value.of(lb - 1 + new Zipf((int) count, s).sample(state.random()));
        }
    },
    PERMUTE("permute", 3, 3) {
        @Override
        Value apply(Value[] args, ScriptState state) {
            long size = args[1].asInt();
            if (size <= 0) {
                throw new EvaluationException("permute size parameter must be greater than zero");
            }
            return Value.of(permute(args[0].asInt(), size, args[2].asInt()));
        }
    },
    HASH("hash", 2, 2) {
        @Override
        Value apply(Value[] args, ScriptState state) {
            return HASH_MURMUR2.apply(args, state);
        }
    },
    HASH_MURMUR2("hash_murmur2", 2, 2) {
        @Override
        Value apply(Value[] args, ScriptState state) {
            return Value.of(murmur2(args[0].asInt(), args[1].asInt()));
        }
    },
    HASH_FNV1A("hash_fnv1a", 2, 2) {
        @Override
        Value apply(Value[] args, ScriptState state) {
            return Value.of(fnv1a(args[0].asInt(), args[1].asInt()));
        }
    };

    static final double MIN_GAUSSIAN_PARAMETER = 2.0;
    static final double MIN_ZIPFIAN_PARAMETER = 1.001;
    static final double MAX_ZIPFIAN_PARAMETER = 1000;

    /** The variable whose value is the seed of {@code permute} and {@code hash} when a script gives none. */
    static final String DEFAULT_SEED = "default_seed";

    private final String scriptName;
    private final int minArgs;
    private final int maxArgs;

    ScriptFunction(String scriptName, int minArgs, int maxArgs) {
        this.scriptName = scriptName;
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
    }

    abstract Value apply(Value[] args, ScriptState state);

    /** The name scripts call it by. */
    String scriptName() {
        return scriptName;
    }

    /** The function named {@code name} (case-insensitive, as pgbench). */
    static Optional<ScriptFunction> named(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (ScriptFunction function : values()) {
            if (function.scriptName.equals(lower)) {
                return Optional.of(function);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether {@code count} arguments are what the function takes as written: {@code permute} and {@code hash} also
     * take one less, the parser then adds {@code :default_seed}.
     */
    boolean acceptsWritten(int count) {
        boolean seedOmitted = (this == PERMUTE || this == HASH) && count == minArgs - 1;
        return seedOmitted || (count >= minArgs && count <= maxArgs);
    }

    /** What {@link #acceptsWritten} accepts, for the error message. */
    String arity() {
        if (this == PERMUTE) {
            return "2 or 3 arguments";
        }
        if (this == HASH) {
            return "1 or 2 arguments";
        }
        if (maxArgs == Integer.MAX_VALUE) {
            return "at least " + minArgs + " argument" + (minArgs == 1 ? "" : "s");
        }
        return minArgs + " argument" + (minArgs == 1 ? "" : "s");
    }

    /** Whether the parser appends {@code :default_seed} to a call written with {@code count} arguments. */
    boolean needsDefaultSeed(int count) {
        return (this == PERMUTE || this == HASH) && count == minArgs - 1;
    }

    /** The number of integers in {@code [lb, ub]}; pgbench's checks and messages. */
    private static long rangeSize(long lb, long ub) {
        if (lb > ub) {
            throw new EvaluationException("empty range given to random");
        }
        try {
            return Math.addExact(Math.subtractExact(ub, lb), 1);
        } catch (ArithmeticException e) {
            throw new EvaluationException("random range is too large");
        }
    }

    private static Value extremum(Value[] args, boolean least) {
        boolean anyDouble = false;
        for (Value arg : args) {
            anyDouble |= arg instanceof Value.DoubleValue;
        }
        if (anyDouble) {
            double best = args[0].asDouble();
            for (Value arg : args) {
                best = least ? Math.min(best, arg.asDouble()) : Math.max(best, arg.asDouble());
            }
            return Value.of(best);
        }
        long best = args[0].asInt();
        for (Value arg : args) {
            best = least ? Math.min(best, arg.asInt()) : Math.max(best, arg.asInt());
        }
        return Value.of(best);
    }

    /** pgbench's {@code permute} ({@code pgbench.c}), on unsigned 64-bit values. */
    static long permute(long val, long size, long seed) {
        if (size < 2) {
            return 0;
        }
        PgbenchPrng prng = new PgbenchPrng(seed);
        long v = Long.remainderUnsigned(val, size);
        int maskLength = 63 - Long.numberOfLeadingZeros(size);
        long mask = (1L << maskLength) - 1;
        for (int round = 0; round < 6; round++) {
            // random multiply (odd), XOR and rotate of the lower half
            long m = (prng.nextUint64() & mask) | 1;
            long r = prng.nextUint64() & mask;
            if (Long.compareUnsigned(v, mask) <= 0) {
                v = ((v * m) ^ r) & mask;
                v = ((v << 1) & mask) | (v >>> (maskLength - 1));
            }
            // the same on the upper half
            m = (prng.nextUint64() & mask) | 1;
            r = prng.nextUint64() & mask;
            long t = size - 1 - v;
            if (Long.compareUnsigned(t, mask) <= 0) {
                t = ((t * m) ^ r) & mask;
                t = ((t << 1) & mask) | (t >>> (maskLength - 1));
                v = size - 1 - t;
            }
            // random offset
            r = prng.nextUint64InRange(0, size - 1);
            v = Long.remainderUnsigned(v + r, size);
        }
        return v;
    }

    private static final long MM2_MUL = 0xc6a4a7935bd1e995L;
    private static final long MM2_MUL_TIMES_8 = 0x35253c9ade8f4ca8L;
    private static final int MM2_ROT = 47;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;

    /** pgbench's {@code getHashMurmur2}: MurmurHash64A of one 64-bit value. */
    static long murmur2(long val, long seed) {
        long result = seed ^ MM2_MUL_TIMES_8;
        long k = val;
        k *= MM2_MUL;
        k ^= k >>> MM2_ROT;
        k *= MM2_MUL;
        result ^= k;
        result *= MM2_MUL;
        result ^= result >>> MM2_ROT;
        result *= MM2_MUL;
        result ^= result >>> MM2_ROT;
        return result;
    }

    /** pgbench's {@code getHashFnv1a}: FNV-1a over the value's eight bytes, low byte first. */
    static long fnv1a(long val, long seed) {
        long result = FNV_OFFSET_BASIS ^ seed;
        long rest = val;
        for (int i = 0; i < 8; i++) {
            long octet = rest & 0xff;
            rest = rest >> 8;
            result = result ^ octet;
            result = result * FNV_PRIME;
        }
        return result;
    }
}
