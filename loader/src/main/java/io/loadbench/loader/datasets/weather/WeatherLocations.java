package io.loadbench.loader.datasets.weather;

import io.loadbench.loader.distribution.Zipf;
import io.loadbench.loader.random.RowRandom;
import io.loadbench.loader.random.Seeds;
import net.datafaker.Faker;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The locations readings come from, each with a climate, and how often each reports.
 *
 * <p>By default a few thousand city names (Datafaker's real-looking "Port Tiffanyhaven" kind, the names the
 * weather seed's own output shows), ranked like city populations: location of rank {@code k} reports with
 * probability proportional to {@code 1/k} (Zipf's law for city sizes, exponent 1). The seed's five query
 * cities (New York, Los Angeles, Chicago, Houston, Phoenix) always hold ranks 1-5, so the 10K-user query
 * scenario finds them among the busiest. The {@code query-cities} preset keeps only those five, equally
 * likely, as the seed's own query script does.
 *
 * <p>Each location gets a climate drawn from the seed: a mean annual temperature in [-5, 28] °C and a
 * seasonal amplitude in [2, 15] °C. Immutable; shared by every generator.
 */
public final class WeatherLocations {

    /** The five cities the weather seed's query script picks from. */
    public static final List<String> QUERY_CITIES = List.of("New York", "Los Angeles", "Chicago", "Houston", "Phoenix");

    /** {@code --locations} value selecting only the five query cities. */
    public static final String QUERY_CITIES_PRESET = "query-cities";

    private final List<String> names;
    private final double[] meanTemperatureC;
    private final double[] seasonalAmplitudeC;
    private final Zipf ranks;

    private WeatherLocations(List<String> names, long seed, boolean uniform) {
        this.names = List.copyOf(names);
        this.meanTemperatureC = new double[names.size()];
        this.seasonalAmplitudeC = new double[names.size()];
        RowRandom random = new RowRandom();
        long climateSeed = Seeds.derive(seed, "weather/climate");
        for (int i = 0; i < names.size(); i++) {
            random.reset(climateSeed, i);
            meanTemperatureC[i] = -5 + 33 * random.nextDouble();
            seasonalAmplitudeC[i] = 2 + 13 * random.nextDouble();
        }
        // a Zipf with a vanishing exponent is uniform; the preset uses equal weights like the seed's random.choice
        this.ranks = uniform ? null : new Zipf(names.size(), 1.0);
    }

    /** The query cities first, then distinct Datafaker city names, {@code count} in all. */
    public static WeatherLocations cities(int count, long seed) {
        if (count < QUERY_CITIES.size()) {
            throw new IllegalArgumentException("need at least " + QUERY_CITIES.size() + " locations, got " + count);
        }
        Set<String> names = new LinkedHashSet<>(QUERY_CITIES);
        Faker faker = new Faker(Locale.ENGLISH, new Random(Seeds.derive(seed, "weather/locations")));
        int attempts = 0;
        while (names.size() < count) {
            String city = faker.address().cityName();
            if (++attempts > count * 50) {
                // Datafaker's city generator combines prefixes, first names and suffixes: tens of thousands of
                // distinct names; beyond that, number them rather than loop forever
                city = city + " " + attempts;
            }
            names.add(city);
        }
        return new WeatherLocations(new ArrayList<>(names), seed, false);
    }

    /** Only the five query cities, equally likely. */
    public static WeatherLocations queryCities(long seed) {
        return new WeatherLocations(QUERY_CITIES, seed, true);
    }

    public int size() {
        return names.size();
    }

    public String name(int index) {
        return names.get(index);
    }

    public List<String> names() {
        return names;
    }

    /** A location index drawn with the population-like skew (or uniformly for the preset). */
    public int sample(RowRandom random) {
        return ranks == null ? random.nextInt(names.size()) : ranks.sample(random) - 1;
    }

    /** The probability that a reading comes from location {@code index}. */
    public double probability(int index) {
        return ranks == null ? 1.0 / names.size() : ranks.probability(index + 1);
    }

    public double meanTemperatureC(int index) {
        return meanTemperatureC[index];
    }

    public double seasonalAmplitudeC(int index) {
        return seasonalAmplitudeC[index];
    }
}
