package io.loadbench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gatling.javaapi.core.OpenInjectionStep;
import java.time.Duration;
import io.loadbench.results.shard.Shard;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ArrivalScheduleTest {

    @Test
    void aConstantRateDueTheKthArrivalAtKOverTheRate() {
        List<Double> due = all(ArrivalSchedule.constant(200, Duration.ofSeconds(10)));

        assertThat(due).hasSize(2_000);
        assertThat(due.get(0)).isEqualTo(0.0);
        assertThat(due.get(1)).isCloseTo(0.005, within(1e-9));
        assertThat(due.get(1_999)).isCloseTo(9.995, within(1e-9));
    }

    @Test
    void aRampIsDueByTheInverseOfItsCumulativeCount() {
        // 0 → 100/s over 10 s, then 100/s for 5 s: 500 + 500 arrivals
        ArrivalSchedule schedule = ArrivalSchedule.ramp(0, 100, Duration.ofSeconds(10)).thenConstant(100, Duration.ofSeconds(5));
        List<Double> due = all(schedule);

        assertThat(schedule.expectedBy(10)).isCloseTo(500, within(1e-9));
        assertThat(schedule.expectedBy(15)).isCloseTo(1_000, within(1e-9));
        assertThat(due).hasSize(1_000);
        // Λ(t) = 5 t² in the ramp: the 125th arrival (k = 125) is due at t = 5 s
        assertThat(due.get(125)).isCloseTo(5.0, within(1e-9));
        assertThat(due.get(500)).isCloseTo(10.0, within(1e-9));
        for (int k = 0; k < due.size(); k++) {
            assertThat(schedule.expectedBy(due.get(k))).isCloseTo(k, within(1e-6));
        }
    }

    @Test
    void aFallingRampIsDueInOrderToo() {
        List<Double> due = all(ArrivalSchedule.ramp(100, 10, Duration.ofSeconds(10)));

        assertThat(due).hasSize(550).isSorted();
        assertThat(due.get(549)).isLessThan(10.0);
    }

    @Test
    void poissonArrivalsAreReproducibleFromTheirSeedAndSpreadAsAPoissonProcess() {
        ArrivalSchedule schedule = ArrivalSchedule.constant(1_000, Duration.ofSeconds(20)).poisson(7);
        List<Double> due = all(schedule);

        assertThat(all(schedule)).isEqualTo(due);
        assertThat(all(ArrivalSchedule.constant(1_000, Duration.ofSeconds(20)).poisson(8))).isNotEqualTo(due);
        // 20,000 expected, standard deviation about 141
        assertThat(due.size()).isBetween(19_500, 20_500);
        assertThat(due).isSorted();
        // exponential gaps: their standard deviation equals their mean (1 ms)
        double sum = 0, sumSquares = 0;
        for (int i = 1; i < due.size(); i++) {
            double gap = due.get(i) - due.get(i - 1);
            sum += gap;
            sumSquares += gap * gap;
        }
        int gaps = due.size() - 1;
        double mean = sum / gaps;
        double sd = Math.sqrt(sumSquares / gaps - mean * mean);
        assertThat(mean).isCloseTo(0.001, within(0.00005));
        assertThat(sd / mean).isCloseTo(1.0, within(0.05));
    }

    @Test
    void gatlingStartsAUserForEveryArrivalNoLaterThanItsIntendedTimeInAFewSteps() {
        for (ArrivalSchedule schedule : List.of(ArrivalSchedule.constant(333, Duration.ofSeconds(7)),
                ArrivalSchedule.constant(0.5, Duration.ofSeconds(20)),
                ArrivalSchedule.ramp(5, 400, Duration.ofSeconds(3)).thenConstant(50, Duration.ofSeconds(2)),
                ArrivalSchedule.ramp(5, 400, Duration.ofSeconds(3)).thenConstant(0, Duration.ofSeconds(1))
                        .thenConstant(50, Duration.ofSeconds(2)).poisson(3),
                ArrivalSchedule.constant(11_000, Duration.ofSeconds(130)).poisson(42))) {
            OpenInjectionStep[] steps = schedule.injection();
            List<Double> starts = gatlingStartTimes(steps);
            List<Double> due = all(schedule);

            assertThat(steps.length).as("steps of %s", schedule).isLessThanOrEqualTo(1 + 3);
            assertThat(starts.size()).as("users of %s", schedule).isGreaterThanOrEqualTo(due.size())
                    .isLessThanOrEqualTo(Math.toIntExact((long) Math.ceil(schedule.expectedBy(schedule.lengthSec())) + schedule.bufferUsers() + 3));
            // users take arrivals in the order Gatling starts them: the k-th user is there before the k-th arrival
            for (int k = 0; k < due.size(); k++) {
                assertThat(starts.get(k)).as("user %d of %s", k, schedule).isLessThanOrEqualTo(due.get(k) + 1e-6);
            }
            assertThat(starts.get(starts.size() - 1)).isLessThanOrEqualTo(schedule.lengthSec());
        }
    }

    @Test
    void theShardsOfAUniformScheduleTogetherAreTheWholeSchedulesArrivalsExactly() {
        ArrivalSchedule whole = ArrivalSchedule.ramp(10, 300, Duration.ofSeconds(4)).thenConstant(300, Duration.ofSeconds(3));
        List<Double> expected = all(whole);
        for (int count : new int[] {1, 2, 3, 4}) {
            List<Double> union = new ArrayList<>();
            for (int index = 0; index < count; index++) {
                ArrivalSchedule shard = whole.forShard(new Shard(index, count));
                List<Double> own = all(shard);
                assertThat(own.size()).as("shard %d/%d", index, count).isBetween(expected.size() / count, expected.size() / count + 1);
                assertThat(shard.meanRate()).isCloseTo(whole.meanRate() / count, within(1e-9));
                union.addAll(own);
            }
            Collections.sort(union);
            assertThat(union).as("%d shards", count).isEqualTo(expected);
        }
    }

    @Test
    void thePoissonShardsAreIndependentStreamsThatAddUpToTheWholeRate() {
        ArrivalSchedule whole = ArrivalSchedule.constant(2_000, Duration.ofSeconds(10)).poisson(11);
        List<Double> first = all(whole.forShard(new Shard(0, 2)));
        List<Double> second = all(whole.forShard(new Shard(1, 2)));
        assertThat(all(whole.forShard(new Shard(0, 2)))).as("reproducible").isEqualTo(first);
        assertThat(first).isNotEqualTo(second);
        // 10,000 expected each, standard deviation 100
        assertThat(first.size()).isBetween(9_500, 10_500);
        assertThat(second.size()).isBetween(9_500, 10_500);
        assertThat(first.size() + second.size()).isBetween(19_300, 20_700);
    }

    @Test
    void gatlingStartsAUserForEveryArrivalOfAShardAtItsShareOfTheRate() {
        for (ArrivalSchedule whole : List.of(ArrivalSchedule.constant(1_000, Duration.ofSeconds(5)),
                ArrivalSchedule.ramp(5, 400, Duration.ofSeconds(3)).thenConstant(50, Duration.ofSeconds(2)).poisson(5))) {
            for (int index = 0; index < 3; index++) {
                ArrivalSchedule shard = whole.forShard(new Shard(index, 3));
                List<Double> starts = gatlingStartTimes(shard.injection());
                List<Double> due = all(shard);
                assertThat(starts.size()).as("users of %s", shard).isGreaterThanOrEqualTo(due.size())
                        .isLessThanOrEqualTo(Math.toIntExact((long) Math.ceil(shard.expectedBy(shard.lengthSec()))
                                + shard.bufferUsers() + 3));
                for (int k = 0; k < due.size(); k++) {
                    assertThat(starts.get(k)).as("user %d of %s", k, shard).isLessThanOrEqualTo(due.get(k) + 1e-6);
                }
            }
        }
    }

    /** When Gatling starts each user of {@code steps}, in seconds, composed the way Gatling composes them. */
    private static List<Double> gatlingStartTimes(OpenInjectionStep[] steps) {
        scala.collection.Iterator<scala.concurrent.duration.FiniteDuration> starts = scala.collection.Iterator$.MODULE$.empty();
        for (int i = steps.length - 1; i >= 0; i--) {
            starts = steps[i].asScala().chain(starts);
        }
        List<Double> seconds = new ArrayList<>();
        while (starts.hasNext()) {
            seconds.add(starts.next().toNanos() / 1e9);
        }
        return seconds;
    }

    @Test
    void aSegmentMustLastAndRatesMustNotBeNegative() {
        assertThatThrownBy(() -> ArrivalSchedule.constant(10, Duration.ZERO)).hasMessageContaining("positive time");
        assertThatThrownBy(() -> ArrivalSchedule.constant(-1, Duration.ofSeconds(1))).hasMessageContaining("not negative");
        assertThatThrownBy(() -> ArrivalSchedule.constant(1, Duration.ofSeconds(1)).withProcess("bursty", 1))
                .hasMessageContaining("uniform or poisson");
    }

    private static List<Double> all(ArrivalSchedule schedule) {
        List<Double> due = new ArrayList<>();
        ArrivalSchedule.Cursor cursor = schedule.cursor();
        for (OptionalDouble next = cursor.next(); next.isPresent(); next = cursor.next()) {
            due.add(next.getAsDouble());
        }
        return due;
    }
}
