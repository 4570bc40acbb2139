package io.loadbench.scenarios.custom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.loadbench.loader.random.RowRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The key patterns draw memtier's distributions over the keyspace, from a seeded stream. */
class KeyPatternTest {

    private static final int DRAWS = 200_000;

    /** How often each key of a 100-key keyspace was drawn, as shares. */
    private static double[] shares(String pattern, long seed) {
        KeyPattern keys = KeyPattern.parse(pattern, 100);
        RowRandom random = new RowRandom(seed);
        double[] shares = new double[101];
        for (int i = 0; i < DRAWS; i++) {
            long key = keys.next(random);
            assertThat(key).isBetween(1L, 100L);
            shares[(int) key] += 1.0 / DRAWS;
        }
        return shares;
    }

    @Test
    void uniformDrawsEveryKeyAsOften() {
        double[] shares = shares("uniform", 1);

        for (int key = 1; key <= 100; key++) {
            assertThat(shares[key]).as("key %d", key).isCloseTo(0.01, within(0.0015));
        }
    }

    @Test
    void zipfDrawsKeyKInProportionToKToTheMinusS() {
        double[] shares = shares("zipf:1.2", 2);

        double norm = 0;
        for (int k = 1; k <= 100; k++) {
            norm += Math.pow(k, -1.2);
        }
        for (int k : new int[] {1, 2, 3, 10, 50, 100}) {
            assertThat(shares[k]).as("key %d", k).isCloseTo(Math.pow(k, -1.2) / norm, within(0.003));
        }
        assertThat(shares[1] / shares[2]).isCloseTo(Math.pow(2, 1.2), within(0.08));
    }

    @Test
    void gaussianCentresOnItsMeanWithItsDeviation() {
        double[] shares = shares("gaussian:40,10", 3);

        double mean = 0;
        double square = 0;
        for (int key = 1; key <= 100; key++) {
            mean += key * shares[key];
            square += (double) key * key * shares[key];
        }
        assertThat(mean).isCloseTo(40, within(0.2));
        // a rounded normal: variance 10^2 + 1/12
        assertThat(Math.sqrt(square - mean * mean)).isCloseTo(10, within(0.2));
    }

    @Test
    void gaussianAloneTakesMemtiersDefaultsTheMiddleAndASixthOfTheKeyspace() {
        KeyPattern keys = KeyPattern.parse("gaussian", 600);

        assertThat(keys).isEqualTo(new KeyPattern.Gaussian(600, 300.5, 100));
    }

    @Test
    void sequentialVisitsEveryKeyOnceInOrderThenStartsAgain() {
        KeyPattern keys = KeyPattern.parse("sequential", 3);
        RowRandom random = new RowRandom(4);

        long[] drawn = new long[7];
        for (int i = 0; i < drawn.length; i++) {
            drawn[i] = keys.next(random);
        }
        assertThat(drawn).containsExactly(1, 2, 3, 1, 2, 3, 1);
    }

    @Test
    void theSameSeedDrawsTheSameKeys() {
        assertThat(shares("zipf:0.9", 5)).isEqualTo(shares("zipf:0.9", 5));
        assertThat(shares("zipf:0.9", 6)).isNotEqualTo(shares("zipf:0.9", 5));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            random            | expected uniform, zipf:S, gaussian:MEAN,SD or sequential, got 'random'
            zipf:0            | zipf:S needs an exponent S above 0, got 'zipf:0'
            zipf:abc          | 'abc' is not a number in 'zipf:abc'
            gaussian:5        | gaussian:MEAN,SD needs two numbers, got 'gaussian:5'
            gaussian:500,10   | gaussian's MEAN must be a key of the keyspace (1 to 100), got 500.0
            gaussian:50,0     | gaussian's SD must be above 0 and at most the keyspace (100), got 0.0
            gaussian:50,1000  | gaussian's SD must be above 0 and at most the keyspace (100), got 1000.0
            """)
    void aPatternThatCannotDrawKeysIsRefused(String pattern, String message) {
        assertThatThrownBy(() -> KeyPattern.parse(pattern, 100)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
