package io.loadbench.scenarios.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateCheckTest {

    private final RateCheck check = new RateCheck(100, 0.05);

    @Test
    void aRunWithinTheToleranceBelowItsTargetPasses() {
        // 950 requests in 10 s: 95 req/s, exactly 5% below 100
        assertThat(check.judge(Measurements.run().request("get", 900, 50, 100).build()).passed()).isTrue();
    }

    @Test
    void aRunFurtherBelowItsTargetFailsWithBothRates() {
        CheckOutcome outcome = check.judge(Measurements.run().request("get", 940, 0, 100).build());
        assertThat(outcome.failures()).containsExactly(
                "missed the target rate: 94.0 req/s achieved, 100.0 req/s targeted (tolerance 5%)");
    }

    @Test
    void failedRequestsCountAsOfferedLoad() {
        assertThat(check.judge(Measurements.run().request("get", 0, 1_000, 100).build()).passed()).isTrue();
    }
}
