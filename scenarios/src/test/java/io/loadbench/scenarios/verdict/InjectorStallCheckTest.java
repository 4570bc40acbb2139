package io.loadbench.scenarios.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InjectorStallCheckTest {

    private final InjectorStallCheck check = new InjectorStallCheck(Duration.ofMillis(500));

    @Test
    void aStallOfExactlyTheLimitPasses() {
        assertThat(check.judge(Measurements.run().maxHiccupUs(500_000).build()).passed()).isTrue();
    }

    @Test
    void aLongerStallFailsWithItsLength() {
        assertThat(check.judge(Measurements.run().maxHiccupUs(612_300).build()).failures())
                .containsExactly("the injector stalled for 612.3 ms (at most 500 ms allowed)");
    }
}
