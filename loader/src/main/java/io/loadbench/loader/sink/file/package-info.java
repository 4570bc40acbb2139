/**
 * File sinks: a table streamed to CSV ({@link io.loadbench.loader.sink.file.CsvRowWriter}), NDJSON or the
 * OpenSearch / Elasticsearch {@code _bulk} format ({@link io.loadbench.loader.sink.file.NdjsonRowWriter}),
 * optionally gzipped, by {@link io.loadbench.loader.sink.file.FileExport}; and the index mapping that
 * matches the documents ({@link io.loadbench.loader.sink.file.IndexMapping}). Both writers are
 * {@link io.loadbench.loader.spi.RowWriter}s, so any dataset's generator writes files unchanged, and both are
 * locale- and time-zone-independent (ISO-8601 UTC, {@code .} decimals).
 */
package io.loadbench.loader.sink.file;
