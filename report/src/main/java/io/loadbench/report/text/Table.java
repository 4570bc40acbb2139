package io.loadbench.report.text;

import io.loadbench.results.Secrets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A table of already formatted cells; numeric columns are right-aligned by the renderers. */
public final class Table implements Document.Block {

    private final List<String> headers = new ArrayList<>();
    private final List<Boolean> rightAligned = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();

    /** Adds a left-aligned (text) column. */
    public Table text(String header) {
        headers.add(header);
        rightAligned.add(false);
        return this;
    }

    /** Adds a right-aligned (number) column. */
    public Table number(String header) {
        headers.add(header);
        rightAligned.add(true);
        return this;
    }

    /** Adds a row; {@code null} cells are shown as {@code -}. */
    public Table row(String... cells) {
        return row(Arrays.asList(cells));
    }

    public Table row(List<String> cells) {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException("row has " + cells.size() + " cells, table has " + headers.size() + " columns");
        }
        List<String> row = new ArrayList<>(cells.size());
        for (String cell : cells) {
            // cells quote run folders: masked here, once for every renderer (see Document)
            row.add(cell == null ? "-" : Secrets.maskUrl(cell));
        }
        rows.add(row);
        return this;
    }

    public List<String> headers() {
        return List.copyOf(headers);
    }

    public boolean rightAligned(int column) {
        return rightAligned.get(column);
    }

    public List<List<String>> rows() {
        return List.copyOf(rows);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
