package io.loadbench.loader.encode;

import io.loadbench.datastores.Datastores;
import io.loadbench.loader.testing.TestSchema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.PGConnection;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The nasty rows go through a real PostgreSQL in both formats and come back as the values they were. */
class CopyRoundTripTest {

    @ParameterizedTest
    @MethodSource("io.loadbench.loader.testing.TestTargets#postgres")
    void nastyValuesSurviveBinaryAndTextCopyUnchanged(Datastores target) throws Exception {
        try (TestSchema schema = new TestSchema(target); Connection c = schema.open(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE rt_binary (" + NastyRows.CREATE_COLUMNS + ")");
            s.execute("CREATE TABLE rt_text (" + NastyRows.CREATE_COLUMNS + ")");
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            assertThat(copy.copyIn("COPY rt_binary FROM STDIN (FORMAT binary)",
                    new ByteArrayInputStream(NastyRows.encode(new CopyBinaryEncoder())))).isEqualTo(2);
            assertThat(copy.copyIn("COPY rt_text FROM STDIN (FORMAT text)",
                    new ByteArrayInputStream(NastyRows.encode(new CopyTextEncoder())))).isEqualTo(2);

            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM ((SELECT * FROM rt_binary EXCEPT ALL SELECT * FROM rt_text)"
                    + " UNION ALL (SELECT * FROM rt_text EXCEPT ALL SELECT * FROM rt_binary)) AS d")) {
                rs.next();
                assertThat(rs.getLong(1)).as("rows that differ between the binary and the text load").isZero();
            }
            try (ResultSet rs = s.executeQuery("SELECT c_int2 = 7, c_int8 = 1234567890123, c_float4 = 1.5, c_float8 = -0.25, c_bool,"
                    + " c_empty = '' AND c_empty IS NOT NULL, c_escapes = E'a\\tb\\nc\\\\d', c_unicode = 'héllo \uD83C\uDF0D',"
                    + " c_null IS NULL, c_ts = '2026-01-01 12:00:00.123456+00', c_date = '2026-01-01',"
                    + " c_uuid = '123e4567-e89b-12d3-a456-426614174000', c_jsonb = '{\"k\": \"v\"}'::jsonb,"
                    + " c_numeric = 123.45 AND scale(c_numeric) = 2, c_numeric2 = -0.05"
                    + " FROM rt_binary WHERE c_int4 = -1")) {
                assertThat(rs.next()).isTrue();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    assertThat(rs.getBoolean(i)).as("row 1, condition %d", i).isTrue();
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT c_int2 IS NULL, c_float4::text = '-0', c_float8 = 'Infinity', NOT c_bool,"
                    + " c_empty = E'\\\\N', c_escapes = E'\\r\\n\\\\', c_unicode IS NULL, c_null = '',"
                    + " c_ts = '1999-12-31 23:59:59.999999+00', c_date = '1999-12-31', c_uuid = '00000000-0000-0000-0000-000000000000',"
                    + " c_jsonb = '{\"p\": \"C:\\\\t\\t\", \"e\": []}'::jsonb, c_jsonb ->> 'p' = E'C:\\\\t\\t',"
                    + " c_numeric = 0, c_numeric2 IS NULL FROM rt_binary WHERE c_int4 = -2147483648")) {
                assertThat(rs.next()).isTrue();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    assertThat(rs.getBoolean(i)).as("row 2, condition %d", i).isTrue();
                }
            }
        }
    }
}
