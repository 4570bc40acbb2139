package io.loadbench.scenarios.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestsCompletedCheckTest {

    @Test
    void oneFailedRequestIsACompletedRequest() {
        assertThat(new RequestsCompletedCheck().judge(Measurements.run().request("q", 0, 1, 100).build()).passed()).isTrue();
    }

    @Test
    void aRunWithoutRequestsAfterTheWarmupFails() {
        assertThat(new RequestsCompletedCheck().judge(Measurements.run().build()).failures())
                .containsExactly("no request completed after the warm-up");
    }
}
