/**
 * One simulation run: presets and overrides ({@link io.loadbench.scenarios.run.SimulationOptions}), the run
 * folder with Gatling's report linked in, latency interval logs, injector health (hiccup meter, dropped
 * requests, CPU), target-rate and hit-ratio checks, SLOs read from the HdrHistograms, {@code scenario.json}
 * and the verdict that fails the build ({@link io.loadbench.scenarios.run.SimulationRun}).
 */
package io.loadbench.scenarios.run;
