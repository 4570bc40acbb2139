/**
 * The report's output model and its plain renderings. Commands build a {@link io.loadbench.report.text.Document}
 * of headings, paragraphs and tables; {@link io.loadbench.report.text.TextRenderer} prints it for a terminal,
 * {@link io.loadbench.report.text.MarkdownRenderer} as GitHub-flavoured Markdown, and the {@code html}
 * package as a page. {@link io.loadbench.report.text.Numbers} formats every number the same way on every
 * machine: {@code .} for decimals, {@code ,} for thousands, whatever the locale.
 */
package io.loadbench.report.text;
