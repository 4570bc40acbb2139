/**
 * Workloads a user writes without Java: pgbench-style SQL scripts and memtier-style Redis command templates, read
 * and checked here before any load, run by {@code SqlScriptSimulation} and {@code RedisCommandSimulation}.
 *
 * <p>SQL scripts: {@link io.loadbench.scenarios.custom.ScriptSet} reads the {@code FILE[@weight]} entries and the
 * setup, {@link io.loadbench.scenarios.custom.ScriptParser} parses pgbench's language (its subset: SQL with
 * {@code :variable} bind parameters, {@code \set} with pgbench's arithmetic and functions, {@code \sleep}) into a
 * {@link io.loadbench.scenarios.custom.Script}, every error one line {@code FILE:LINE: reason}
 * ({@link io.loadbench.scenarios.custom.ScriptException}); {@link io.loadbench.scenarios.custom.ScriptRunner} runs one
 * transaction of a script on one held connection. The functions ({@code ScriptFunction}) follow pgbench's
 * definitions; {@code permute} and the hashes return pgbench's very values.
 *
 * <p>Redis commands: {@link io.loadbench.scenarios.custom.CommandSet} reads the templates and their ratio,
 * {@link io.loadbench.scenarios.custom.CommandTemplate} one template (its {@code __key__} and {@code __data__}
 * placeholders, and the commands it may not run, so that a workload touches only the keys it names), and
 * {@link io.loadbench.scenarios.custom.KeyPattern} draws the keys (memtier's uniform, zipf, gaussian and sequential
 * patterns).
 *
 * <p>Every random choice descends from the run's seed: the k-th transaction draws from a stream derived from
 * (seed, k), the loader's {@code RowRandom}, so a run's draws are reproducible. The language and its differences
 * from pgbench are documented in {@code docs/custom-workloads.md}.
 */
package io.loadbench.scenarios.custom;
