package io.loadbench.loader.encode;

import io.loadbench.loader.spi.ColumnSpec;
import io.loadbench.loader.spi.PgType;
import io.loadbench.loader.spi.RowWriter;

import java.util.List;

/** Two rows full of values that break careless encoders; the golden fixtures encode exactly these. */
final class NastyRows {

    static final List<ColumnSpec> COLUMNS = List.of(
            ColumnSpec.nullable("c_int2", PgType.INT2),
            ColumnSpec.notNull("c_int4", PgType.INT4),
            ColumnSpec.notNull("c_int8", PgType.INT8),
            ColumnSpec.notNull("c_float4", PgType.FLOAT4),
            ColumnSpec.notNull("c_float8", PgType.FLOAT8),
            ColumnSpec.notNull("c_bool", PgType.BOOL),
            ColumnSpec.notNull("c_empty", PgType.TEXT),
            ColumnSpec.notNull("c_escapes", PgType.TEXT),
            ColumnSpec.nullable("c_unicode", PgType.TEXT),
            ColumnSpec.nullable("c_null", PgType.TEXT),
            ColumnSpec.notNull("c_ts", PgType.TIMESTAMPTZ),
            ColumnSpec.notNull("c_date", PgType.DATE),
            ColumnSpec.notNull("c_uuid", PgType.UUID),
            ColumnSpec.notNull("c_jsonb", PgType.JSONB),
            ColumnSpec.notNull("c_numeric", PgType.NUMERIC),
            ColumnSpec.nullable("c_numeric2", PgType.NUMERIC));

    static final String CREATE_COLUMNS = "c_int2 smallint, c_int4 integer, c_int8 bigint, c_float4 real, "
            + "c_float8 double precision, c_bool boolean, c_empty text, c_escapes text, c_unicode text, c_null text, "
            + "c_ts timestamptz, c_date date, c_uuid uuid, c_jsonb jsonb, c_numeric numeric, c_numeric2 numeric";

    private static final long MICROS_2000 = 946_684_800_000_000L;

    private NastyRows() {
    }

    static void row(int index, RowWriter out) {
        if (index == 0) {
            out.int2((short) 7);
            out.int4(-1);
            out.int8(1_234_567_890_123L);
            out.float4(1.5f);
            out.float8(-0.25);
            out.bool(true);
            out.text("");
            out.text("a\tb\nc\\d");
            out.text("héllo \uD83C\uDF0D");
            out.writeNull();
            out.timestamptz(MICROS_2000 + 820_584_000_123_456L);
            out.date(10_957 + 9_497);
            out.uuid(0x123e4567e89b12d3L, 0xa456426614174000L);
            out.jsonb("{\"k\": \"v\"}");
            out.numeric(12_345, 2);
            out.numeric(-5, 2);
        } else {
            out.writeNull();
            out.int4(Integer.MIN_VALUE);
            out.int8(-1);
            out.float4(-0.0f);
            out.float8(Double.POSITIVE_INFINITY);
            out.bool(false);
            out.text("\\N");
            out.text("\r\n\\");
            out.writeNull();
            out.text("");
            out.timestamptz(MICROS_2000 - 1);
            out.date(10_956);
            out.uuid(0, 0);
            out.jsonb("{\"p\": \"C:\\\\t\\t\", \"e\": []}");
            out.numeric(0, 0);
            out.writeNull();
        }
    }

    static byte[] encode(CopyEncoder encoder) {
        encoder.writeHeader();
        for (int i = 0; i < 2; i++) {
            encoder.beginRow(COLUMNS.size());
            row(i, encoder);
            encoder.endRow();
        }
        encoder.writeTrailer();
        return encoder.toByteArray();
    }
}
