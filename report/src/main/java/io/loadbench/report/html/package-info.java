/**
 * The self-contained HTML page of {@code compare --html}: the comparison's tables plus charts drawn by
 * Chart.js, whose build is read from its webjar and inlined so the page works offline (no network, no
 * CDN). {@link io.loadbench.report.html.ChartSpecs} turns runs into chart data; the page script draws
 * them and marks each canvas with {@code data-rendered} and {@code data-painted-pixels} once drawn, which
 * is what the headless-browser test reads.
 */
package io.loadbench.report.html;
