package io.loadbench.scenarios.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LagCheckTest {

    private final LagCheck check = new LagCheck(Duration.ofMillis(250));

    @Test
    void aLagOfExactlyTheLimitPasses() {
        assertThat(check.judge(Measurements.run().maxLagUs(250_000).build()).passed()).isTrue();
    }

    @Test
    void aRequestStartedLaterThanAllowedFailsWithItsLag() {
        assertThat(check.judge(Measurements.run().maxLagUs(731_200).build()).failures())
                .containsExactly("the injector fell behind its schedule: a request started 731.2 ms late"
                        + " (lag p99 0.1 ms; at most 250 ms allowed)");
    }
}
