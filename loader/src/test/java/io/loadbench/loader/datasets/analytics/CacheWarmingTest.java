package io.loadbench.loader.datasets.analytics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CacheWarmingTest {

    @Test
    void ninetyFivePercentTargetWarmsEveryDashboardAndSeventySevenAndAHalfPercentOfFilteredQueries() {
        CacheWarming warming = new CacheWarming(42, 95);
        assertThat(warming.dashboardFraction()).isEqualTo(1.0);
        assertThat(warming.filteredFraction()).isCloseTo(0.775, within(1e-12));
        assertThat(CacheWarming.expectedHitPercent(1.0, 0.775)).isCloseTo(95.0, within(1e-9));
    }

    @Test
    void realisedWarmFractionsMeetTheTargetAtTheDefaultScale() {
        AnalyticsSettings s = new AnalyticsSettings(500, 10, 24, 300, RedisDataType.STRING, 95, "p",
                AnalyticsSettings.DEFAULT_WINDOW_START, null);
        CacheWarming warming = new CacheWarming(42, s.cacheHitTargetPercent());
        long warmed = 0;
        for (int org = 0; org < s.orgs(); org++) {
            for (EventType type : EventType.all()) {
                for (int b = 0; b < s.timeBuckets(); b++) {
                    warmed += warming.warmsFiltered(org, type, b, s.timeBuckets()) ? 1 : 0;
                }
            }
        }
        double filtered = (double) warmed / s.counterKeys();
        assertThat(CacheWarming.expectedHitPercent(1.0, filtered)).isCloseTo(95.0, within(0.2));
    }

    @Test
    void aLowTargetWarmsOnlyPartOfTheDashboards() {
        CacheWarming warming = new CacheWarming(1, 70);
        assertThat(warming.filteredFraction()).isZero();
        assertThat(CacheWarming.expectedHitPercent(warming.dashboardFraction(), 0)).isCloseTo(70.0, within(1e-9));
    }
}
