/**
 * The {@code loadbench-loader} command line (picocli): {@code datasets}, {@code plan}, {@code load},
 * {@code verify} and {@code drop}, the shared options, one validated configuration per command, and the
 * single exit point that turns failures into one clear line on stderr. Each dataset's own options live in
 * {@link io.loadbench.loader.cli.options} and map onto the dataset's settings record.
 */
package io.loadbench.loader.cli;
