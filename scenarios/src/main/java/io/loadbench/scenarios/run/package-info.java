/**
 * One simulation run ({@link io.loadbench.scenarios.run.SimulationRun}): presets and overrides
 * ({@link io.loadbench.scenarios.run.SimulationOptions}), the run folder and its lifecycle (created first, so every
 * failure ends it FAILED with the reason) with Gatling's report linked in, the measurement (interval logs, warm-up,
 * injector health: {@code RunMeasurement}), the checks of {@code io.loadbench.scenarios.verdict} and
 * {@code scenario.json} (results-format's {@code ScenarioResult}, assembled by {@code ScenarioReport}).
 */
package io.loadbench.scenarios.run;
