package io.loadbench.scenarios.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadbench.scenarios.run.Slo;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SloCheckTest {

    private final SloCheck check = new SloCheck(Slo.intended("get", 99.0, Duration.ofMillis(50)));

    @Test
    void aP99WithinTheLimitPassesAndReportsTheValue() {
        Measurement m = Measurements.run().request("get", 1_000, 0, 40_000).build();
        assertThat(check.judge(m).passed()).isTrue();
        assertThat(check.evaluate(m).actualUs().orElseThrow()).isBetween(39_900L, 40_100L);
    }

    @Test
    void aP99AboveTheLimitBreaksTheObjective() {
        Measurement m = Measurements.run().request("get", 1_000, 0, 60_000).build();
        assertThat(check.judge(m).failures()).singleElement().asString()
                .startsWith("SLO broken: get intended p99 <= 50 ms: 6");
    }

    @Test
    void aRequestThatNeverEndedBreaksTheObjective() {
        Measurement m = Measurements.run().request("other", 10, 0, 1_000).build();
        assertThat(check.judge(m).failures()).containsExactly("SLO broken: get intended p99 <= 50 ms: no measured request");
        assertThat(check.evaluate(m).actualUs()).isEmpty();
    }

    @Test
    void slowFailedRequestsAreInsideTheTailTheObjectiveJudges() {
        // 980 fast OK requests and 20 that failed after waiting 10 s for a connection: p99 is the failures' wait
        Measurement m = Measurements.run().request("get", 980, 1_000, 20, 10_000_000, 0).build();
        assertThat(check.judge(m).failures()).singleElement().asString()
                .startsWith("SLO broken: get intended p99 <= 50 ms: 100");
    }

    @Test
    void anObjectiveMayNameATransaction() {
        SloCheck transaction = new SloCheck(Slo.intended("dashboard", 99.0, Duration.ofMillis(50)));
        assertThat(transaction.judge(Measurements.run().transaction("dashboard", 100, 80_000).build()).failures())
                .singleElement().asString().startsWith("SLO broken: dashboard intended p99 <= 50 ms: 80");
        assertThat(transaction.judge(Measurements.run().transaction("dashboard", 100, 20_000).build()).passed()).isTrue();
    }
}
