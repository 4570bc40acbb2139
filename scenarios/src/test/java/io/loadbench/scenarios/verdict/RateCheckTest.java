package io.loadbench.scenarios.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateCheckTest {

    private final RateCheck check = new RateCheck(0.05);

    @Test
    void aRunWithinTheToleranceBelowItsScheduledArrivalsPasses() {
        // 1,000 arrivals due in 10 s, 951 issued: within 5%
        assertThat(check.judge(Measurements.run().arrivals(false, 1_000, 951, 500, 476, 500, 475).build()).passed()).isTrue();
    }

    @Test
    void aRunFurtherBelowItsScheduleFailsWithBothRates() {
        CheckOutcome outcome = check.judge(Measurements.run().arrivals(false, 1_000, 900, 500, 450, 500, 450).build());
        assertThat(outcome.failures()).hasSize(2).first().isEqualTo(
                "missed the target rate: 90.0 arrivals/s issued, 100.0 arrivals/s scheduled (tolerance 5%)");
    }

    @Test
    void aStallCaughtUpByABurstFailsInItsIntervalThoughTheTotalIsMet() {
        // the whole window got its 1,000 arrivals, but the first 5 s only 300 of 500 and the next 700
        CheckOutcome outcome = check.judge(Measurements.run().arrivals(false, 1_000, 1_000, 500, 300, 500, 700).build());
        assertThat(outcome.failures()).containsExactly("the rate fell short in 1 of 2 5-s intervals (arrivals issued of"
                + " scheduled, by time since the schedule's start: 0 s: 300 of 500)");
    }

    @Test
    void followUpRequestsAndFailuresDoNotCountAsArrivals() {
        // 2,000 requests ended (a cache miss adds two follow-ups; many failed), but only 500 of 1,000 arrivals were issued
        Measurement m = Measurements.run().request("get", 400, 100, 100).request("query", 700, 800, 0)
                .arrivals(false, 1_000, 500, 500, 250, 500, 250).build();
        assertThat(m.total()).isEqualTo(2_000);
        assertThat(check.judge(m).failures()).first().asString().startsWith("missed the target rate: 50.0 arrivals/s issued");
    }

    @Test
    void poissonArrivalsMayFallShortOfAnIntervalByTheirOwnSpread() {
        // 100 due in an interval: a Poisson count of 75 is within three standard deviations (30), 65 is not
        assertThat(check.judge(Measurements.run().arrivals(true, 200, 190, 100, 75, 100, 115).build()).passed()).isTrue();
        assertThat(check.judge(Measurements.run().arrivals(true, 200, 190, 100, 65, 100, 125).build()).passed()).isFalse();
    }

    @Test
    void aRunWithoutAScheduleCannotBeJudged() {
        assertThat(check.judge(Measurements.run().request("get", 10, 0, 100).build()).failures())
                .containsExactly("no arrival schedule ran: the rate cannot be judged");
    }
}
