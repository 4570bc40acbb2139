/**
 * Reusable test support shipped in the loader test-jar: the dataset contract test every dataset's tables
 * must pass ({@link io.loadbench.loader.testing.DatasetContractTest}) and the row writers it uses.
 */
package io.loadbench.loader.testing;
