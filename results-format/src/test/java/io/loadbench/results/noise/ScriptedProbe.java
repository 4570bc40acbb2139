package io.loadbench.results.noise;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A machine that behaves the same every step: its k-th reading is k steps into a steady state with the given steal,
 * foreign and own CPU. For the lifecycle tests, with a sampling interval of one step: a run started and ended at
 * once has exactly one interval (the readings at start and at stop), so the summary is known exactly.
 */
public final class ScriptedProbe implements MachineProbe {

    private final int logicalCores;
    private final long stepMs;
    private final double stealPercent;
    private final double foreignPercentOfCore;
    private final double ownPercentOfCore;
    private final double loadAverage;
    private final AtomicInteger readings = new AtomicInteger();

    private ScriptedProbe(int logicalCores, Duration step, double stealPercent, double foreignPercentOfCore,
                          double ownPercentOfCore, double loadAverage) {
        this.logicalCores = logicalCores;
        this.stepMs = step.toMillis();
        this.stealPercent = stealPercent;
        this.foreignPercentOfCore = foreignPercentOfCore;
        this.ownPercentOfCore = ownPercentOfCore;
        this.loadAverage = loadAverage;
    }

    public static ScriptedProbe steady(int logicalCores, Duration step, double stealPercent, double foreignPercentOfCore,
                                       double ownPercentOfCore, double loadAverage) {
        return new ScriptedProbe(logicalCores, step, stealPercent, foreignPercentOfCore, ownPercentOfCore, loadAverage);
    }

    /** A sampler of this machine whose interval is one step. */
    public NoiseSampler sampler(NoiseThresholds thresholds) {
        return new NoiseSampler(this, thresholds, Duration.ofMillis(stepMs));
    }

    public int readings() {
        return readings.get();
    }

    @Override
    public MachineReading read() {
        long k = readings.getAndIncrement();
        long totalMs = k * stepMs * logicalCores;
        long ownMs = Math.round(k * stepMs * ownPercentOfCore / 100);
        long busyMs = ownMs + Math.round(k * stepMs * foreignPercentOfCore / 100);
        return new MachineReading(busyMs, Math.round(totalMs * stealPercent / 100), totalMs, ownMs, loadAverage, logicalCores);
    }
}
