/**
 * The {@code loadbench-report} command line: reads saved run folders (see {@code results/README.md}) and
 * summarizes one run, compares runs across machines or configurations, or merges the runs of several
 * injector machines into one. Reading lives in {@code read}, the table model and its text/Markdown
 * renderings in {@code text}, the HTML page with charts in {@code html}.
 */
package io.loadbench.report;
