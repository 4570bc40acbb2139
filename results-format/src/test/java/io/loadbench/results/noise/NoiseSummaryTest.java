package io.loadbench.results.noise;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** From two readings to an interval's figures, from intervals to the summary, and the thresholds that judge it. */
class NoiseSummaryTest {

    @Test
    void anIntervalSplitsTheMachinesBusyCpuIntoOwnAndForeign() {
        // 2 cores for 1 s: 2,000 ms of CPU time, 1,500 busy of which 600 are this process tree's, 100 stolen
        MachineReading earlier = new MachineReading(10_000, 1_000, 40_000, 5_000, 0.5, 2);
        MachineReading later = new MachineReading(11_500, 1_100, 42_000, 5_600, 0.75, 2);

        NoiseInterval interval = NoiseInterval.between(earlier, later).orElseThrow();

        assertThat(interval.stealPercent()).isEqualTo(5.0);
        assertThat(interval.foreignCpuPercentOfCore()).isEqualTo(90.0);
        assertThat(interval.loadAverage1m()).isEqualTo(0.75);
    }

    @Test
    void foreignCpuIsNeverNegativeAndNoTimeMeansNoInterval() {
        MachineReading earlier = new MachineReading(10_000, 0, 40_000, 5_000, -1, 2);
        // the tree counted a child's whole life at once (found late): more own time than the machine was busy
        MachineReading later = new MachineReading(10_500, 0, 42_000, 6_000, -1, 2);

        NoiseInterval interval = NoiseInterval.between(earlier, later).orElseThrow();

        assertThat(interval.foreignCpuPercentOfCore()).isZero();
        assertThat(interval.loadAverage1m()).isNaN();
        assertThat(NoiseInterval.between(later, later)).isEmpty();
    }

    @Test
    void theSummaryHasMeanNearestRankP95AndMaxOfEachFigure() {
        List<NoiseInterval> intervals = new ArrayList<>();
        for (int second = 1; second <= 20; second++) {
            intervals.add(new NoiseInterval(second, 10.0 * second, Double.NaN));
        }

        NoiseSummary summary = NoiseSummary.of(1000, intervals, NoiseThresholds.DEFAULTS);

        assertThat(summary.samples()).isEqualTo(20);
        assertThat(summary.stealPercent()).isEqualTo(new NoiseSummary.Figures(10.5, 19, 20));
        assertThat(summary.foreignCpuPercentOfCore()).isEqualTo(new NoiseSummary.Figures(105, 190, 200));
        assertThat(summary.loadAverage1m()).as("no load average on this platform").isNull();
        assertThat(summary.exceeded()).containsExactly("CPU steal mean 10.5% > 5.0%", "foreign CPU mean 105.0% of a core > 10.0%");
        assertThat(summary.noisy()).isTrue();
    }

    @Test
    void aRunIsJudgedOnItsMeanNotOnOneBadSecond() {
        List<NoiseInterval> intervals = new ArrayList<>();
        for (int second = 0; second < 60; second++) {
            intervals.add(new NoiseInterval(second == 30 ? 80 : 1, second == 30 ? 190 : 2, 1.0));
        }

        NoiseSummary summary = NoiseSummary.of(1000, intervals, NoiseThresholds.DEFAULTS);

        assertThat(summary.stealPercent().max()).isEqualTo(80);
        assertThat(summary.noisy()).isFalse();
        assertThat(summary.describe()).endsWith("over 60 samples: quiet");
    }

    @Test
    void aRunShorterThanOneSampleIsNotJudged() {
        NoiseSummary summary = NoiseSummary.of(1000, List.of(), NoiseThresholds.DEFAULTS);

        assertThat(summary.stealPercent()).isNull();
        assertThat(summary.noisy()).isFalse();
        assertThat(summary.describe()).isEqualTo("not measured (the run was shorter than one sample)");
    }

    @Test
    void thresholdsComeFromSystemPropertiesAndABadValueIsNamed() {
        Properties properties = new Properties();
        assertThat(NoiseThresholds.fromSystemProperties(properties)).isEqualTo(new NoiseThresholds(5, 10));

        properties.setProperty(NoiseThresholds.STEAL_PROPERTY, "2.5");
        properties.setProperty(NoiseThresholds.FOREIGN_CPU_PROPERTY, "50");
        assertThat(NoiseThresholds.fromSystemProperties(properties)).isEqualTo(new NoiseThresholds(2.5, 50));

        properties.setProperty(NoiseThresholds.FOREIGN_CPU_PROPERTY, "ten");
        assertThatThrownBy(() -> NoiseThresholds.fromSystemProperties(properties)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-Dloadbench.noise.maxForeignCpuPercent: expected a percentage such as 5 or 12.5, got 'ten'");
        properties.setProperty(NoiseThresholds.FOREIGN_CPU_PROPERTY, "-1");
        assertThatThrownBy(() -> NoiseThresholds.fromSystemProperties(properties)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-Dloadbench.noise.maxForeignCpuPercent: expected a percentage of at least 0, got -1.0");
    }
}
