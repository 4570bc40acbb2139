/**
 * The datasets the benchmarks draw rows from: the loader's own registered datasets, built with one fixed
 * seed and size so that every run measures the same rows.
 */
package io.loadbench.benchmarks.datasets;
