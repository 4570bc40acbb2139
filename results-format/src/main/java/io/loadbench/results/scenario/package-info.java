/**
 * {@code scenario.json}, a Gatling simulation's verdict and figures: the typed model
 * ({@link io.loadbench.results.scenario.ScenarioResult}), its writer and its reader side by side, as HdrHistogram
 * keeps {@code HistogramLogWriter} and {@code HistogramLogReader}. Producers (the scenarios' {@code SimulationRun})
 * build the record and hand it to the writer; consumers (the report) read the record and never the JSON. Golden
 * files of every schema version are kept in the test resources ({@code golden/scenario/v1/}) and read forever.
 */
package io.loadbench.results.scenario;
