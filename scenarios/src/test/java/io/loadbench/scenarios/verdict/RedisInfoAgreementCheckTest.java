package io.loadbench.scenarios.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedisInfoAgreementCheckTest {

    private final RedisInfoAgreementCheck check = new RedisInfoAgreementCheck();

    @Test
    void redisCountingWithinOnePercentagePointAgrees() {
        Measurement m = Measurements.run().lookup("get", 100, 0, 90, 10, 100).redisInfo(181, 19, true).build();
        assertThat(check.judge(m).passed()).isTrue();
    }

    @Test
    void anOwnedRedisThatCountsOtherwiseFailsWithBothRatios() {
        Measurement m = Measurements.run().lookup("get", 100, 0, 90, 10, 100).redisInfo(80, 20, true).build();
        assertThat(check.judge(m).failures())
                .containsExactly("hit ratio 0.9000 measured by the requests disagrees with Redis INFO 0.8000");
    }

    @Test
    void aSharedRedisMayCountOtherClientsLookups() {
        Measurement m = Measurements.run().lookup("get", 100, 0, 90, 10, 100).redisInfo(80, 20, false).build();
        assertThat(check.judge(m).passed()).isTrue();
    }

    @Test
    void anUnreadableInfoOrARunWithoutLookupsPasses() {
        assertThat(check.judge(Measurements.run().lookup("get", 100, 0, 90, 10, 100).build()).passed()).isTrue();
        assertThat(check.judge(Measurements.run().request("q", 100, 0, 100).redisInfo(1, 1, true).build()).passed()).isTrue();
    }
}
