/**
 * The {@code weather} dataset (seed 003, "10M records, 10K users"): {@code weather_readings(reading_id,
 * location, temperature, humidity, wind_speed, recorded_at)}, 10 million rows by default, over the five
 * years 2021-01-01 to 2026-01-01 UTC.
 *
 * <p>Values are the seed's, made plausible: temperature (°C, two decimals) follows each location's climate
 * (a mean in [-5, 28] °C, a seasonal swing, a day/night swing of ±4 °C and noise) instead of the seed's
 * uniform [-10, 40]; humidity is uniform in [20, 100] %; wind speed is exponential with mean 5 m/s, capped
 * at 20 m/s (the seed's range). Locations: see {@link io.loadbench.loader.datasets.weather.WeatherLocations}
 * ({@code --locations N}, default 3000 with a population-like Zipf skew, or the {@code query-cities} preset).
 *
 * <p>After the load, for the query scenario ({@code SELECT avg(temperature) FROM weather_readings WHERE
 * location = ?} from 10,000 users): a covering index {@code (location) INCLUDE (temperature)}, an index on
 * {@code (location, recorded_at)} for time-bounded queries, and the materialized view
 * {@code weather_location_summary} (readings, average/min/max temperature, average humidity and wind per
 * location, with a unique index) for the cached variant of the query. {@code verify} checks value ranges,
 * the location skew against its Zipf target, and that the summary agrees with the table.
 */
package io.loadbench.loader.datasets.weather;
