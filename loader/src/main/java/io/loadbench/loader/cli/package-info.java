/**
 * The {@code loadbench-loader} command line (picocli): {@code datasets}, {@code plan}, {@code load},
 * {@code verify} and {@code drop}, the shared options, one validated configuration per command, and the
 * single exit point that turns failures into one clear line on stderr.
 */
package io.loadbench.loader.cli;
