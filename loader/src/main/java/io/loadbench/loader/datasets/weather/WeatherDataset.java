package io.loadbench.loader.datasets.weather;

import io.loadbench.loader.random.Seeds;
import io.loadbench.loader.spi.Check;
import io.loadbench.loader.spi.Dataset;
import io.loadbench.loader.spi.DatasetParameters;
import io.loadbench.loader.spi.PgType;
import io.loadbench.loader.spi.TableSpec;
import io.loadbench.loader.table.SqlCheck;
import io.loadbench.loader.table.TableBuilder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The weather dataset (seed 003): {@code --rows} time-series readings (location, temperature, humidity,
 * wind speed, timestamp) over five years, for the "10K users query the average temperature of a location"
 * scenario. See the package documentation.
 */
public final class WeatherDataset implements Dataset {

    static final String READINGS = "weather_readings";
    static final String SUMMARY = "weather_location_summary";

    /** The seed's window is "the last five years"; a fixed end keeps loads reproducible. */
    static final Instant WINDOW_START = Instant.parse("2021-01-01T00:00:00Z");
    static final Instant WINDOW_END = Instant.parse("2026-01-01T00:00:00Z");

    private static final long MICROS_PER_DAY = 86_400_000_000L;
    private static final double DAYS_PER_YEAR = 365.2425;

    private final long seed;
    private final long rows;
    private final WeatherSettings settings;
    private final WeatherLocations locations;

    public WeatherDataset(DatasetParameters common, WeatherSettings settings) {
        this.seed = common.seed();
        this.rows = common.rows();
        this.settings = settings;
        this.locations = settings.buildLocations(seed);
    }

    public WeatherLocations locations() {
        return locations;
    }

    @Override
    public String name() {
        return "weather";
    }

    @Override
    public SortedMap<String, Object> parameters() {
        SortedMap<String, Object> p = new TreeMap<>();
        p.put("seed", seed);
        p.put("rows", rows);
        p.put("locations", settings.optionValue());
        p.put("locationCount", locations.size());
        p.put("windowStart", WINDOW_START.toString());
        p.put("windowEnd", WINDOW_END.toString());
        return p;
    }

    @Override
    public List<TableSpec> tables() {
        long tableSeed = Seeds.derive(seed, READINGS);
        long startMicros = WINDOW_START.getEpochSecond() * 1_000_000L;
        long windowMicros = (WINDOW_END.getEpochSecond() - WINDOW_START.getEpochSecond()) * 1_000_000L;
        TableSpec readings = TableBuilder.table(READINGS).rows(rows)
                .column("reading_id", PgType.INT8).column("location", PgType.TEXT).column("temperature", PgType.NUMERIC)
                .column("humidity", PgType.NUMERIC).column("wind_speed", PgType.NUMERIC)
                .column("recorded_at", PgType.TIMESTAMPTZ)
                .primaryKey("reading_id")
                // the scenario's query: SELECT avg(temperature) FROM weather_readings WHERE location = ?;
                // INCLUDE makes it an index-only scan once the visibility map is set (VACUUM below)
                .afterLoad("CREATE INDEX IF NOT EXISTS " + READINGS + "_location_idx ON " + READINGS + " (location) INCLUDE (temperature)")
                .index("location_time_idx", "location, recorded_at")
                .afterLoad("VACUUM (ANALYZE) " + READINGS)
                .afterLoad("CREATE MATERIALIZED VIEW IF NOT EXISTS " + SUMMARY + " AS SELECT location, count(*) AS readings,"
                        + " round(avg(temperature), 2) AS avg_temperature, min(temperature) AS min_temperature,"
                        + " max(temperature) AS max_temperature, round(avg(humidity), 2) AS avg_humidity,"
                        + " round(avg(wind_speed), 2) AS avg_wind_speed, max(recorded_at) AS last_recorded_at"
                        + " FROM " + READINGS + " GROUP BY location WITH NO DATA")
                .afterLoad("CREATE UNIQUE INDEX IF NOT EXISTS " + SUMMARY + "_location_idx ON " + SUMMARY + " (location)")
                .afterLoad("REFRESH MATERIALIZED VIEW " + SUMMARY)
                .afterLoad("ANALYZE " + SUMMARY)
                // dropping the readings also drops the summary built on them
                .dropDdl(List.of("DROP MATERIALIZED VIEW IF EXISTS " + SUMMARY, "DROP TABLE IF EXISTS " + READINGS + " CASCADE"))
                .randomRows(tableSeed, (row, random, out) -> {
                    int location = locations.sample(random);
                    long offsetMicros = random.nextLong(windowMicros);
                    double dayOfYear = (offsetMicros / (double) MICROS_PER_DAY) % DAYS_PER_YEAR;
                    double hourOfDay = (offsetMicros % MICROS_PER_DAY) / 3_600_000_000.0;
                    // coldest around 15 January and 03:00, warmest around mid-July and 15:00 (northern hemisphere)
                    double seasonal = -Math.cos(2 * Math.PI * (dayOfYear - 15) / DAYS_PER_YEAR);
                    double diurnal = -Math.cos(2 * Math.PI * (hourOfDay - 3) / 24);
                    double temperature = locations.meanTemperatureC(location)
                            + locations.seasonalAmplitudeC(location) * seasonal + 4 * diurnal + 2.5 * random.nextGaussian();
                    double humidity = 20 + 80 * random.nextDouble();
                    double wind = Math.min(20, random.nextExponential(5));
                    out.int8(row + 1);
                    out.text(locations.name(location));
                    out.numeric(hundredths(Math.max(-60, Math.min(60, temperature))), 2);
                    out.numeric(hundredths(humidity), 2);
                    out.numeric(hundredths(wind), 2);
                    out.timestamptz(startMicros + offsetMicros);
                }).build();
        return List.of(readings);
    }

    @Override
    public List<Check> checks() {
        List<SqlCheck.Probe> ranges = List.of(
                SqlCheck.Probe.zero("temperature outside [-60, 60] °C",
                        "SELECT count(*) FROM " + READINGS + " WHERE temperature NOT BETWEEN -60 AND 60"),
                SqlCheck.Probe.zero("humidity outside [20, 100] %",
                        "SELECT count(*) FROM " + READINGS + " WHERE humidity NOT BETWEEN 20 AND 100"),
                SqlCheck.Probe.zero("wind_speed outside [0, 20] m/s",
                        "SELECT count(*) FROM " + READINGS + " WHERE wind_speed NOT BETWEEN 0 AND 20"),
                SqlCheck.Probe.zero("recorded_at outside the window",
                        "SELECT count(*) FROM " + READINGS + " WHERE recorded_at < '" + WINDOW_START
                                + "' OR recorded_at >= '" + WINDOW_END + "'"),
                SqlCheck.duplicates(READINGS, "reading_id"));
        List<SqlCheck.Probe> skew = new ArrayList<>();
        int shown = Math.min(5, locations.size());
        for (int i = 0; i < shown; i++) {
            double p = locations.probability(i);
            // five standard errors of a binomial share, plus rounding slack
            double tolerance = 100 * 5 * Math.sqrt(p * (1 - p) / rows) + 0.01;
            skew.add(SqlCheck.sharePercent("share of readings from " + locations.name(i), READINGS,
                    "location = '" + locations.name(i).replace("'", "''") + "'", 100 * p, tolerance));
        }
        double rarest = locations.probability(locations.size() - 1);
        if (rarest * rows >= 30) {
            skew.add(new SqlCheck.Probe("distinct locations", "SELECT count(DISTINCT location) FROM " + READINGS,
                    locations.size(), 0, "locations"));
        }
        List<SqlCheck.Probe> summary = List.of(
                new SqlCheck.Probe("summary readings total", "SELECT sum(readings) FROM " + SUMMARY, rows, 0, "rows"),
                SqlCheck.Probe.zero("summary locations missing from the table or vice versa",
                        "SELECT count(*) FROM (SELECT location FROM " + SUMMARY + " EXCEPT SELECT DISTINCT location FROM "
                                + READINGS + ") d"),
                SqlCheck.Probe.zero("summary averages differing from the table by more than 0.005",
                        "SELECT count(*) FROM " + SUMMARY + " s JOIN (SELECT location, avg(temperature) AS a FROM "
                                + READINGS + " GROUP BY location) t USING (location) WHERE abs(s.avg_temperature - t.a) > 0.005"));
        return List.of(new SqlCheck("weather value ranges", ranges), new SqlCheck("weather location skew", skew),
                new SqlCheck("weather summary", summary));
    }

    static long hundredths(double value) {
        return Math.round(value * 100);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "weather(%d rows, %d locations)", rows, locations.size());
    }
}
