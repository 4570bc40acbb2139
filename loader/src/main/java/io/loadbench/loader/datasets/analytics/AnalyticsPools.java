package io.loadbench.loader.datasets.analytics;

import io.loadbench.loader.random.Seeds;
import net.datafaker.Faker;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Datafaker values drawn once from the seed (company names, first and last names, page paths) and
 * shared read-only by every generator: sampling a pool is a few nanoseconds, calling Datafaker per row
 * would be microseconds. English locale whatever the machine's, so pools are the same everywhere.
 */
final class AnalyticsPools {

    private static final int POOL_SIZE = 1_000;

    final List<String> companies;
    final List<String> firstNames;
    final List<String> lastNames;
    final List<String> paths;

    AnalyticsPools(long seed) {
        Faker faker = new Faker(Locale.ENGLISH, new Random(Seeds.derive(seed, "analytics/pools")));
        companies = draw(() -> faker.company().name());
        firstNames = draw(() -> faker.name().firstName());
        lastNames = draw(() -> faker.name().lastName());
        paths = draw(() -> "/" + faker.internet().slug().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", ""));
    }

    private static List<String> draw(java.util.function.Supplier<String> source) {
        List<String> values = new ArrayList<>(POOL_SIZE);
        for (int i = 0; i < POOL_SIZE; i++) {
            values.add(source.get());
        }
        return List.copyOf(values);
    }
}
