package io.loadbench.loader.sink.file;

import java.util.Locale;

/** The file formats the file sink writes. */
public enum FileFormat {
    /** RFC 4180 CSV with a header line. */
    CSV("csv"),
    /** One JSON object per line. */
    NDJSON("ndjson"),
    /** NDJSON in the OpenSearch / Elasticsearch {@code _bulk} format (action line + document line). */
    BULK("bulk.ndjson");

    private final String extension;

    FileFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** The name {@link #parse} reads first: {@code csv}, {@code ndjson}, {@code bulk}. */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code csv}, {@code ndjson} or {@code bulk}; null when unknown. */
    public static FileFormat parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "csv" -> CSV;
            case "ndjson", "json" -> NDJSON;
            case "bulk", "opensearch", "elasticsearch" -> BULK;
            default -> null;
        };
    }
}
