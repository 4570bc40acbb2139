package io.loadbench.scenarios.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DroppedRequestsCheckTest {

    @Test
    void noDroppedRequestPasses() {
        assertThat(new DroppedRequestsCheck().judge(Measurements.run().build()).passed()).isTrue();
    }

    @Test
    void aSingleDroppedRequestFails() {
        assertThat(new DroppedRequestsCheck().judge(Measurements.run().dropped(1).build()).failures())
                .containsExactly("1 requests dropped: the executor queue was full, the injector could not keep up");
    }
}
