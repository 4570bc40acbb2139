/**
 * Run folders: every load, JMH run and Gatling simulation writes one self-describing folder under
 * {@code results/} ({@link io.loadbench.results.Run}) whose {@code manifest.json}
 * ({@link io.loadbench.results.Manifest}) says what ran (kind, name, every parameter and the plan), where
 * ({@link io.loadbench.results.EnvironmentInfo}, the datastore target's description), with which loadbench
 * ({@link io.loadbench.results.ToolInfo}) and how it ended.
 *
 * <p>All files go through {@link io.loadbench.results.Json}, one Jackson configuration whose output does not depend
 * on the machine's locale or time zone. Passwords never reach a file: the manifest is sanitized as a whole before
 * it is written. The format is documented in {@code results/README.md} and locked by golden-file tests.
 */
package io.loadbench.results;
