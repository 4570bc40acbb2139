package io.loadbench.scenarios.run;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What a simulation said its run must achieve, beside the preset's thresholds: an open model's request rate, a
 * closed model's concurrent users, a cache hit ratio. Each is absent when the simulation does not judge it.
 */
record RunTargets(OptionalDouble requestsPerSec, OptionalInt users, OptionalDouble minHitRatio) {

    static final RunTargets NONE = new RunTargets(OptionalDouble.empty(), OptionalInt.empty(), OptionalDouble.empty());

    RunTargets withRequestsPerSec(double rate) {
        return new RunTargets(OptionalDouble.of(rate), users, minHitRatio);
    }

    RunTargets withUsers(int count) {
        return new RunTargets(requestsPerSec, OptionalInt.of(count), minHitRatio);
    }

    RunTargets withMinHitRatio(double ratio) {
        return new RunTargets(requestsPerSec, users, OptionalDouble.of(ratio));
    }
}
