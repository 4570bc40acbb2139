package io.loadbench.scenarios.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KoRatioCheckTest {

    private final KoRatioCheck check = new KoRatioCheck(0.001);

    @Test
    void oneFailureInAThousandIsAllowed() {
        assertThat(check.judge(Measurements.run().request("a", 999, 1, 100).build()).passed()).isTrue();
    }

    @Test
    void moreFailuresAcrossRequestsFailWithTheCounts() {
        Measurement m = Measurements.run().request("a", 999, 1, 100).request("b", 999, 1, 100).request("c", 0, 1, 100).build();
        assertThat(check.judge(m).failures()).containsExactly("3 of 2001 requests failed (0.150%, at most 0.100% allowed)");
    }

    @Test
    void crashedRequestsAreFailuresToo() {
        Measurement m = Measurements.run().request("a", 998, 100, 0, 0, 2).build();
        assertThat(check.judge(m).failures())
                .containsExactly("2 of 1000 requests failed (0.200%, at most 0.100% allowed); 2 of them crashed");
    }

    @Test
    void aRunWithoutRequestsHasNoRatioToJudge() {
        assertThat(check.judge(Measurements.run().build()).passed()).isTrue();
    }
}
