package io.loadbench.loader.distribution;

import io.loadbench.loader.random.RowRandom;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Each distribution sampled at a fixed seed and compared with its shape, not only its bounds. */
class DistributionsTest {

    private static final int N = 400_000;

    @Test
    void weightedChoiceReproducesTheEventTypeShares() {
        Map<String, Integer> weights = new LinkedHashMap<>();
        weights.put("page_view", 60);
        weights.put("click", 25);
        weights.put("form_submit", 10);
        weights.put("video_play", 3);
        weights.put("download", 2);
        WeightedChoice<String> choice = WeightedChoice.of(weights);
        RowRandom r = new RowRandom(11);
        int[] counts = new int[choice.size()];
        for (int i = 0; i < N; i++) {
            counts[choice.sampleIndex(r)]++;
        }
        double[] expected = {0.60, 0.25, 0.10, 0.03, 0.02};
        for (int i = 0; i < expected.length; i++) {
            assertThat(counts[i] / (double) N).as(choice.value(i)).isCloseTo(expected[i], within(0.003));
            assertThat(choice.probability(i)).isCloseTo(expected[i], within(1e-12));
        }
    }

    @Test
    void weightedChoiceNeverPicksAZeroWeight() {
        WeightedChoice<String> choice = WeightedChoice.of(List.of("a", "never", "b"), 1, 0, 3);
        RowRandom r = new RowRandom(5);
        for (int i = 0; i < 100_000; i++) {
            assertThat(choice.sample(r)).isNotEqualTo("never");
        }
    }

    @Test
    void paretoGivesTheTopFifthOfUsersEightyPercentAndIsSelfSimilar() {
        int users = 10_000;
        ParetoRanks pareto = ParetoRanks.eightyTwenty(users);
        RowRandom r = new RowRandom(12);
        long[] perUser = new long[users];
        for (int i = 0; i < N; i++) {
            perUser[pareto.sample(r)]++;
        }
        assertThat(shareOfTop(perUser, 0.20)).isCloseTo(0.80, within(0.01));
        assertThat(shareOfTop(perUser, 0.04)).isCloseTo(0.64, within(0.015));
        assertThat(pareto.expectedShareOfTop(0.04)).isCloseTo(0.64, within(1e-9));
        // the long tail is populated: almost every user appears
        assertThat(Arrays.stream(perUser).filter(c -> c > 0).count()).isGreaterThan(users * 9L / 10);
    }

    @Test
    void topShareRanksGiveTheTopFifthEightyPercentWithABoundedHead() {
        int users = 10_000;
        TopShareRanks ranks = TopShareRanks.eightyTwenty(users);
        RowRandom r = new RowRandom(18);
        long[] perUser = new long[users];
        for (int i = 0; i < N; i++) {
            perUser[ranks.sample(r)]++;
        }
        assertThat(shareOfTop(perUser, 0.20)).isCloseTo(0.80, within(0.01));
        // the heaviest user is heavy but not absurd, and activity decays within the top tier
        double heaviest = Arrays.stream(perUser).max().orElseThrow() / (double) N;
        assertThat(heaviest).isCloseTo(ranks.probability(0), within(0.001)).isBetween(0.003, 0.01);
        assertThat(perUser[0]).isGreaterThan(perUser[1999] * 20);
        assertThat(perUser[1999]).isGreaterThan(perUser[9999]);
    }

    private static double shareOfTop(long[] perUser, double fraction) {
        long[] sorted = perUser.clone();
        Arrays.sort(sorted);
        int top = (int) Math.round(sorted.length * fraction);
        long total = Arrays.stream(sorted).sum();
        long topSum = 0;
        for (int i = sorted.length - top; i < sorted.length; i++) {
            topSum += sorted[i];
        }
        return topSum / (double) total;
    }

    @Test
    void zipfMatchesItsProbabilityMassFunction() {
        Zipf zipf = new Zipf(1000, 1.1);
        RowRandom r = new RowRandom(13);
        int[] counts = new int[1001];
        for (int i = 0; i < N; i++) {
            int k = zipf.sample(r);
            assertThat(k).isBetween(1, 1000);
            counts[k]++;
        }
        for (int k : new int[]{1, 2, 3, 10, 100}) {
            double expected = zipf.probability(k);
            assertThat(counts[k] / (double) N).as("P(%d)", k).isCloseTo(expected, within(Math.max(0.002, expected * 0.05)));
        }
        // ratio of the first two ranks is 2^s
        assertThat(counts[1] / (double) counts[2]).isCloseTo(Math.pow(2, 1.1), within(0.06));
    }

    @Test
    void zipfWithExponentBelowOneIsStillCorrect() {
        Zipf zipf = new Zipf(50, 0.7);
        RowRandom r = new RowRandom(14);
        int[] counts = new int[51];
        for (int i = 0; i < N; i++) {
            counts[zipf.sample(r)]++;
        }
        assertThat(counts[1] / (double) N).isCloseTo(zipf.probability(1), within(0.003));
        assertThat(counts[50] / (double) N).isCloseTo(zipf.probability(50), within(0.002));
    }

    @Test
    void powerLawTeamSizesAreMostlySmallWithAFewLargeOnes() {
        PowerLaw sizes = new PowerLaw(1, 100, 2.0);
        RowRandom r = new RowRandom(15);
        long small = 0;
        long large = 0;
        for (int i = 0; i < N; i++) {
            long s = sizes.sample(r);
            assertThat(s).isBetween(1L, 100L);
            if (s <= 5) {
                small++;
            }
            if (s >= 50) {
                large++;
            }
        }
        assertThat(small / (double) N).isCloseTo(sizes.cdf(5), within(0.003));
        assertThat(1 - sizes.cdf(49)).isCloseTo(large / (double) N, within(0.002));
        assertThat(sizes.cdf(5)).isGreaterThan(0.8);
    }

    @Test
    void exponentialDecayPutsTheRequestedShareInTheRecentPast() {
        ExponentialDecay decay = ExponentialDecay.withShareWithin(0.8, Duration.ofDays(30), Duration.ofDays(1000));
        RowRandom r = new RowRandom(16);
        long recent = 0;
        long recentHalf = 0;
        double window = Duration.ofDays(1000).toSeconds();
        for (int i = 0; i < N; i++) {
            double age = decay.sampleAgeSeconds(r);
            assertThat(age).isGreaterThanOrEqualTo(0).isLessThan(window);
            if (age < Duration.ofDays(30).toSeconds()) {
                recent++;
            }
            if (age < Duration.ofDays(15).toSeconds()) {
                recentHalf++;
            }
        }
        assertThat(recent / (double) N).isCloseTo(0.80, within(0.003));
        // exponential shape: the first 15 days hold 1 - sqrt(0.2) of the mass
        assertThat(recentHalf / (double) N).isCloseTo(decay.cdf(Duration.ofDays(15).toSeconds()), within(0.003));
        assertThat(decay.cdf(Duration.ofDays(15).toSeconds())).isCloseTo(1 - Math.sqrt(0.2), within(0.002));
    }

    @Test
    void weeklyProfileGivesBusinessHoursSeventyPercentAndWeekendDaysFortyPercentOfAWeekday() {
        Instant start = Instant.parse("2026-08-03T00:00:00Z"); // a Monday
        Instant end = start.plus(Duration.ofDays(28));
        WeeklyTimeProfile profile = WeeklyTimeProfile.businessHours(start, end, 0.70, 9, 17, 0.40);
        RowRandom r = new RowRandom(17);
        long business = 0;
        long weekend = 0;
        long weekday = 0;
        long[] perHour = new long[24];
        for (int i = 0; i < N; i++) {
            long micros = profile.sampleEpochMicros(r);
            assertThat(micros).isBetween(profile.startEpochMicros(), profile.endEpochMicros() - 1);
            ZonedDateTime t = Instant.EPOCH.plusNanos(micros * 1000).atZone(ZoneOffset.UTC);
            perHour[t.getHour()]++;
            if (t.getHour() >= 9 && t.getHour() < 17) {
                business++;
            }
            if (t.getDayOfWeek() == DayOfWeek.SATURDAY || t.getDayOfWeek() == DayOfWeek.SUNDAY) {
                weekend++;
            } else {
                weekday++;
            }
        }
        assertThat(business / (double) N).isCloseTo(0.70, within(0.004));
        double perWeekendDay = weekend / 8.0;
        double perWeekday = weekday / 20.0;
        assertThat(perWeekendDay / perWeekday).isCloseTo(0.40, within(0.01));
        // night is quieter than the afternoon
        assertThat(perHour[3]).isLessThan(perHour[14] / 4);
    }
}
