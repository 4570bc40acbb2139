/**
 * The machine's noise during a run: how much CPU the hypervisor stole, how much other processes used, and the load
 * average, sampled once a second while the run is open and summarised in its manifest ({@code noise}). A run whose
 * noise exceeds {@link io.loadbench.results.noise.NoiseThresholds} is marked
 * {@link io.loadbench.results.RunStatus#NOISY}: its figures were measured on a machine that was not quiet.
 *
 * <p>{@link io.loadbench.results.noise.MachineProbe} reads the machine's cumulative counters (the one implementation
 * reads them through OSHI), {@link io.loadbench.results.noise.NoiseSampler} is the daemon thread that reads them
 * each second and turns consecutive readings into per-second figures, and
 * {@link io.loadbench.results.noise.NoiseSummary} is what the manifest records: mean, p95 and max of each figure,
 * the thresholds applied and which of them were exceeded. The {@link io.loadbench.results.Run} lifecycle owns the
 * sampler: it starts with the run and stops when the run ends.
 */
package io.loadbench.results.noise;
