package io.loadbench.report.text;

/**
 * One output format of a report: a terminal table, Markdown, an HTML page.
 *
 * <p>Obligations of an implementation (checked for every format by {@code DocumentRendererContractTest}):
 * every heading, paragraph and table cell of the document appears in the output, in document order and
 * with its text unchanged apart from the format's escaping; the output ends with a newline; and it depends
 * on nothing but the document (not on the locale, the time zone or the time).
 */
public interface DocumentRenderer {

    String render(Document document);
}
