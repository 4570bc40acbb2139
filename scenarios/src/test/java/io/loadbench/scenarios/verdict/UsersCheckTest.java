package io.loadbench.scenarios.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsersCheckTest {

    private final UsersCheck check = new UsersCheck(60);

    @Test
    void reachingTheTargetUsersPasses() {
        assertThat(check.judge(Measurements.run().maxConcurrentUsers(60).build()).passed()).isTrue();
    }

    @Test
    void oneUserShortFailsWithBothCounts() {
        assertThat(check.judge(Measurements.run().maxConcurrentUsers(59).build()).failures())
                .containsExactly("reached 59 concurrent users, 60 targeted");
    }
}
