package io.loadbench.scenarios.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsersCheckTest {

    private final UsersCheck check = new UsersCheck(60);

    @Test
    void holdingNinetyFivePercentOfTheTargetUsersOnAveragePasses() {
        assertThat(check.judge(Measurements.run().maxConcurrentUsers(60).meanConcurrentUsers(57).build()).passed()).isTrue();
    }

    @Test
    void reachingTheTargetOnceButHoldingFewerUsersFailsWithTheMean() {
        assertThat(check.judge(Measurements.run().maxConcurrentUsers(60).meanConcurrentUsers(40.5).build()).failures())
                .containsExactly("held 40.5 concurrent users on average over the measured window (at most 60 at once),"
                        + " 60 targeted (at least 95% needed)");
    }
}
