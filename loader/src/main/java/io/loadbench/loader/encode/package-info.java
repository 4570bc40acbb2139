/**
 * Wire encoders for PostgreSQL {@code COPY ... FROM STDIN}: {@link io.loadbench.loader.encode.CopyBinaryEncoder}
 * (the default: PGCOPY header, length-prefixed binary values) and {@link io.loadbench.loader.encode.CopyTextEncoder}
 * (tab-separated text with backslash escapes, never CSV quoting). Both implement
 * {@link io.loadbench.loader.spi.RowWriter} and encode into one reusable, growable byte buffer that the sink
 * hands to the driver in large chunks; neither allocates per value. Golden tests pin their bytes.
 */
package io.loadbench.loader.encode;
