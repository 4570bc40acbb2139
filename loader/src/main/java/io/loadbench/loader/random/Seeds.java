package io.loadbench.loader.random;

import java.nio.charset.StandardCharsets;

/**
 * Derives independent seeds from a root seed and a purpose name, e.g.
 * {@code Seeds.derive(rootSeed, "events/session")}. Different names give statistically independent streams;
 * the same (seed, name) always gives the same value, on every JVM and platform.
 */
public final class Seeds {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    /** The seed for {@code purpose} under {@code parentSeed}. */
    public static long derive(long parentSeed, String purpose) {
        long h = mix64(parentSeed ^ 0x5DEECE66DL);
        for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
            h = mix64(h + GOLDEN_GAMMA + (b & 0xFF));
        }
        return mix64(h + GOLDEN_GAMMA);
    }

    /** The seed for element {@code index} (a row, a block, a session) under {@code parentSeed}. */
    public static long derive(long parentSeed, long index) {
        return mix64(parentSeed + mix64(index * GOLDEN_GAMMA + 0x632BE59BD9B4E019L));
    }

    /** SplitMix64's finaliser (variant 13 of Stafford's mixers): a bijection on 64-bit values. */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
