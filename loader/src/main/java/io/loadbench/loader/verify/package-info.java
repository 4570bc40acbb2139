/**
 * Building blocks for verification checks ({@link io.loadbench.loader.spi.Check}) that datasets reuse:
 * category shares measured in SQL against target percentages ({@link io.loadbench.loader.verify.ShareCheck}),
 * a single measured value against a target ({@link io.loadbench.loader.verify.ValueCheck}), and the table
 * printed when verification runs.
 */
package io.loadbench.loader.verify;
