package io.loadbench.scenarios.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InjectorStallCheckTest {

    private final InjectorStallCheck check = new InjectorStallCheck(Duration.ofMillis(500), 0.05);

    @Test
    void aStallOfExactlyTheLimitPasses() {
        assertThat(check.judge(Measurements.run().maxHiccupUs(500_000).build()).passed()).isTrue();
    }

    @Test
    void aLongerStallFailsWithItsLength() {
        assertThat(check.judge(Measurements.run().maxHiccupUs(612_300).build()).failures())
                .containsExactly("the injector stalled for 612.3 ms (at most 500 ms allowed)");
    }

    @Test
    void manyShortStallsFailByTheirShareOfTheWindow() {
        // 10-s window, 800 ms stalled in all, none longer than 50 ms
        assertThat(check.judge(Measurements.run().maxHiccupUs(50_000).stalledUs(800_000).build()).failures())
                .containsExactly("the injector was stalled 8.0% of the measured window (800 ms in all; at most 5.0% allowed)");
    }
}
