package io.loadbench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gatling.javaapi.core.OpenInjectionStep;
import java.time.Duration;
import java.util.ArrayList;
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
    void theInjectionStartsExactlyTheScheduledArrivalsAheadOfTheirTimes() {
        for (ArrivalSchedule schedule : List.of(ArrivalSchedule.constant(333, Duration.ofSeconds(7)),
                ArrivalSchedule.ramp(5, 400, Duration.ofSeconds(3)).thenConstant(50, Duration.ofSeconds(2)).poisson(3))) {
            long users = 0;
            double startedBySec = 0;
            for (OpenInjectionStep step : schedule.injection()) {
                users += step.asScala().users();
                startedBySec += step.asScala().duration().toNanos() / 1e9;
            }
            assertThat(users).as(schedule.toString()).isEqualTo(all(schedule).size());
            assertThat(startedBySec).isLessThanOrEqualTo(schedule.lengthSec());
        }
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
