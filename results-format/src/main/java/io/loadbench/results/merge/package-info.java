/**
 * {@code merge.json}, what {@code loadbench-report merge} joined into a merged run folder: the typed model
 * ({@link io.loadbench.results.merge.MergeInfo}), its writer and its reader side by side. Golden files are kept
 * under {@code golden/merge/v1/}.
 */
package io.loadbench.results.merge;
