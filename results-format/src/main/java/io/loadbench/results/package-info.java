/**
 * Run folders and the one owner of every file in them. Every load, JMH run and Gatling simulation writes one
 * self-describing folder under {@code results/} ({@link io.loadbench.results.Run}) whose {@code manifest.json}
 * ({@link io.loadbench.results.Manifest} while the run fills it, {@link io.loadbench.results.RunManifest} as a
 * value) says what ran (kind, name, every parameter and the plan), where
 * ({@link io.loadbench.results.EnvironmentInfo}, the datastore target's description), with which loadbench
 * ({@link io.loadbench.results.ToolInfo}) and how it ended.
 *
 * <p>Each format is a typed, versioned record with its writer and reader side by side, as HdrHistogram keeps
 * {@code HistogramLogWriter} and {@code HistogramLogReader}: {@link io.loadbench.results.ManifestWriter} and
 * {@link io.loadbench.results.ManifestReader} here, and the sub-packages {@code load} ({@code load.json}),
 * {@code scenario} ({@code scenario.json}), {@code merge} ({@code merge.json}) and {@code latency} (interval logs).
 * Producers build records; consumers read records, never JSON by hand. Readers reject a file they cannot read with
 * one line naming the file and field ({@link io.loadbench.results.ResultFormatException}, via
 * {@link io.loadbench.results.JsonFields}).
 *
 * <p>All files go through {@link io.loadbench.results.Json}, one Jackson configuration whose output does not depend
 * on the machine's locale or time zone. Passwords never reach a file: the manifest is sanitized as a whole before
 * it is written. The formats are documented in {@code results/README.md} and locked by golden files kept for every
 * schema version ({@code golden/<format>/v<N>/} in the test resources), each read and written back byte for byte.
 */
package io.loadbench.results;
