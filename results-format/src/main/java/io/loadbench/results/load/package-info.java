/**
 * {@code load.json}, a loader run's rates and verification: the typed model
 * ({@link io.loadbench.results.load.LoadResult}), its writer and its reader side by side. The loader builds the
 * record and hands it to the writer; the report reads the record and never the JSON. Golden files of every schema
 * version are kept in the test resources ({@code golden/load/v1/}) and read forever.
 */
package io.loadbench.results.load;
