/**
 * The datasets' own command-line options: one picocli mixin per dataset
 * ({@link io.loadbench.loader.cli.options.DatasetOptions}), whose only job is to map the options onto the
 * dataset's validated settings record. The datasets and the SPI know nothing of command lines; scenarios and
 * benchmarks build the settings records directly.
 */
package io.loadbench.loader.cli.options;
