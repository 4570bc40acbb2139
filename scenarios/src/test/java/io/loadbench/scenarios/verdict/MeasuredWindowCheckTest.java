package io.loadbench.scenarios.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MeasuredWindowCheckTest {

    private final MeasuredWindowCheck check = new MeasuredWindowCheck("2s");

    @Test
    void aWholeWindowPasses() {
        assertThat(check.judge(Measurements.run().request("q", 10, 0, 100).build()).passed()).isTrue();
    }

    @Test
    void requestsStillRunningAndALoadShorterThanItsWarmupBothFail() {
        Measurement m = Measurements.run().inFlightAtEnd(3).endedDuringWarmup().build();
        assertThat(check.judge(m).failures()).containsExactly("3 requests still running at the end of the run",
                "the run ended during its warm-up (2s): nothing was measured");
    }
}
