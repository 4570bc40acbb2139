package io.loadbench.scenarios.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HitRatioCheckTest {

    private final HitRatioCheck check = new HitRatioCheck(0.95);

    @Test
    void theRatioOverEveryLookupMeetsTheTarget() {
        // 96 hits of 100 lookups over two requests; the non-lookup request does not dilute it
        Measurement m = Measurements.run().lookup("a get", 50, 0, 49, 1, 100).lookup("b get", 50, 0, 47, 3, 100)
                .request("query", 4, 0, 1_000).build();
        assertThat(check.judge(m).passed()).isTrue();
    }

    @Test
    void aRatioBelowTheTargetFailsWithBoth() {
        Measurement m = Measurements.run().lookup("get", 100, 0, 94, 6, 100).build();
        assertThat(check.judge(m).failures()).containsExactly("hit ratio 0.9400 below the target 0.95");
    }

    @Test
    void aRunWithoutLookupsHasNoRatioToJudge() {
        assertThat(check.judge(Measurements.run().request("query", 10, 0, 100).build()).passed()).isTrue();
    }
}
