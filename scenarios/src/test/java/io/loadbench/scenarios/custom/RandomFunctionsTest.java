package io.loadbench.scenarios.custom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.loadbench.loader.random.RowRandom;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The random functions draw pgbench's distributions (the probabilities its documentation gives), from a seeded
 * stream, and permute is pgbench's own permutation.
 */
class RandomFunctionsTest {

    private static final int DRAWS = 200_000;

    /** The share of {@code DRAWS} draws of {@code expression} (values in 1..10) that gave each value. */
    private static double[] shares(String expression, long seed) {
        Script script = ScriptParser.parse("t.sql", "t.sql", "\\set x " + expression, Set.of(), false);
        Expr expr = ((Script.SetCommand) script.commands().get(0)).expression();
        ScriptState state = new ScriptState(Map.of(), new RowRandom(seed));
        double[] shares = new double[11];
        for (int i = 0; i < DRAWS; i++) {
            long x = expr.evaluate(state).asInt();
            assertThat(x).isBetween(1L, 10L);
            shares[(int) x] += 1.0 / DRAWS;
        }
        return shares;
    }

    @Test
    void zipfianDrawsEachValueWithThePowerLawPgbenchDocuments() {
        double[] shares = shares("random_zipfian(1, 10, 2.5)", 42);

        // P(k) = k^-s / H(10, s); pgbench's docs: 1 is drawn (2/1)^2.5 = 5.66 times as often as 2
        double norm = 0;
        for (int k = 1; k <= 10; k++) {
            norm += Math.pow(k, -2.5);
        }
        for (int k = 1; k <= 10; k++) {
            assertThat(shares[k]).as("share of %d", k).isCloseTo(Math.pow(k, -2.5) / norm, within(0.004));
        }
        assertThat(shares[1] / shares[2]).isCloseTo(5.66, within(0.15));
    }

    @Test
    void exponentialDrawsTheTruncatedExponentialPgbenchDocuments() {
        double parameter = 2.0;
        double[] shares = shares("random_exponential(1, 10, 2.0)", 43);

        // pgbench: f(x) = exp(-parameter * (x - min) / (max - min + 1)) / (1 - exp(-parameter)); P(i) = f(i) - f(i + 1)
        for (int i = 1; i <= 10; i++) {
            double expected = (Math.exp(-parameter * (i - 1) / 10.0) - Math.exp(-parameter * i / 10.0)) / (1 - Math.exp(-parameter));
            assertThat(shares[i]).as("share of %d", i).isCloseTo(expected, within(0.004));
        }
    }

    @Test
    void gaussianDrawsTheTruncatedNormalPgbenchDocuments() {
        double parameter = 2.5;
        double[] shares = shares("random_gaussian(1, 10, 2.5)", 44);

        // pgbench: f(x) = PHI(2 * parameter * (x - mu) / (max - min + 1)) / (2 * PHI(parameter) - 1), mu = (max + min) / 2,
        // P(i) = f(i + 0.5) - f(i - 0.5)
        double mu = 5.5;
        for (int i = 1; i <= 10; i++) {
            double expected = (phi(2 * parameter * (i + 0.5 - mu) / 10) - phi(2 * parameter * (i - 0.5 - mu) / 10))
                    / (2 * phi(parameter) - 1);
            assertThat(shares[i]).as("share of %d", i).isCloseTo(expected, within(0.004));
        }
    }

    @Test
    void randomIsUniformOverItsBoundsInclusive() {
        double[] shares = shares("random(1, 10)", 45);

        for (int i = 1; i <= 10; i++) {
            assertThat(shares[i]).as("share of %d", i).isCloseTo(0.1, within(0.004));
        }
    }

    @Test
    void theSameSeedDrawsTheSameValuesAndAnotherSeedOthers() {
        assertThat(shares("random(1, 10)", 45)).isEqualTo(shares("random(1, 10)", 45));
        assertThat(shares("random(1, 10)", 46)).isNotEqualTo(shares("random(1, 10)", 45));
    }

    @Test
    void permuteGivesTheValuesPgbenchGives() {
        // pgbench 15: \set v permute(i, 10, 42) for i = 0..9, and single calls, printed with \shell echo
        long[] pgbench = {1, 7, 0, 4, 3, 8, 6, 5, 9, 2};
        for (int i = 0; i < 10; i++) {
            assertThat(ScriptFunction.permute(i, 10, 42)).as("permute(%d, 10, 42)", i).isEqualTo(pgbench[i]);
        }
        long[] seven = {6, 2, 1, 3, 0, 4, 5};
        for (int i = 0; i < 7; i++) {
            assertThat(ScriptFunction.permute(i, 7, 0)).as("permute(%d, 7, 0)", i).isEqualTo(seven[i]);
        }
        assertThat(ScriptFunction.permute(12345, 1_000_000, 7)).isEqualTo(609207);
        assertThat(ScriptFunction.permute(-1, 100, 5)).isEqualTo(55);
        assertThat(ScriptFunction.permute(5, 1, 5)).isZero();
        assertThat(ScriptFunction.permute(999_999_999_999L, 1_000_000_000_000L, -3)).isEqualTo(133_189_051_071L);
        assertThat(ScriptFunction.permute(3, Long.MAX_VALUE, 11)).isEqualTo(1_512_911_814_876_952_777L);
    }

    @Test
    void permuteIsABijectionOfEverySizeAndSeed() {
        for (long seed : new long[] {0, 1, 42, -7, Long.MIN_VALUE}) {
            for (int size = 1; size <= 130; size++) {
                Set<Long> images = new HashSet<>();
                for (int i = 0; i < size; i++) {
                    long image = ScriptFunction.permute(i, size, seed);
                    assertThat(image).isBetween(0L, size - 1L);
                    images.add(image);
                }
                assertThat(images).as("permute(i, %d, %d) for i in [0, %d)", size, seed, size).hasSize(size);
            }
        }
    }

    @Test
    void permuteWithoutASeedUsesTheDefaultSeed() {
        Script script = ScriptParser.parse("t.sql", "t.sql", "\\set x permute(3, 10)", Set.of("default_seed"), false);
        Expr expr = ((Script.SetCommand) script.commands().get(0)).expression();

        Value value = expr.evaluate(new ScriptState(Map.of("default_seed", Value.of(42L)), new RowRandom(1)));

        assertThat(value.asInt()).isEqualTo(4);
    }

    /** The standard normal CDF, by Abramowitz and Stegun's 7.1.26 erf (error below 1.5e-7). */
    private static double phi(double x) {
        double z = Math.abs(x) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * z);
        double erf = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
                * Math.exp(-z * z);
        return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
    }
}
