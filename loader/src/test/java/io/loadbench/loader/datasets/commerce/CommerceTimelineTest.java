package io.loadbench.loader.datasets.commerce;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CommerceTimelineTest {

    private final CommerceTimeline week = new CommerceTimeline(42,
            new CommerceSettings(7, 2, 3, 20, 2.5, 1, 2, 25, 40, CommerceSettings.DEFAULT_START, null, List.of(), false));

    @Test
    void theDailyScheduleIsTheSeeds() {
        assertThat(week.tpsAt(3 * 60)).as("00-06 low traffic").isEqualTo(10.0);
        assertThat(week.tpsAt(6 * 60)).as("06-09 morning ramp starts").isEqualTo(15.0);
        assertThat(week.tpsAt(9 * 60)).as("09-12 business hours start").isEqualTo(25.0);
        assertThat(week.tpsAt(14 * 60 - 1)).as("lunch peak top").isCloseTo(50.0, within(0.2));
        assertThat(week.tpsAt(20 * 60 - 1)).as("evening peak top").isCloseTo(60.0, within(0.2));
        assertThat(week.tpsAt(20 * 60)).as("evening decline").isEqualTo(20.0);
        CommerceTimeline doubledPeak = new CommerceTimeline(42,
                new CommerceSettings(1, 2, 3, 20, 5, 1, 2, 25, 40, CommerceSettings.DEFAULT_START, null, List.of(), false));
        assertThat(doubledPeak.tpsAt(13 * 60)).isEqualTo(2 * week.tpsAt(13 * 60));
        assertThat(doubledPeak.tpsAt(10 * 60)).isEqualTo(week.tpsAt(10 * 60));
    }

    @Test
    void aWeekHasTheScheduledVolumeWhateverTheSeed() {
        CommerceTimeline other = new CommerceTimeline(7,
                new CommerceSettings(7, 2, 3, 20, 2.5, 1, 2, 25, 40, CommerceSettings.DEFAULT_START, null, List.of(), false));
        assertThat(week.transactions()).isEqualTo(other.transactions()).isBetween(15_000_000L, 17_000_000L);
        long evening = 0;
        for (int m = 17 * 60; m < 20 * 60; m++) {
            evening += week.transactionsIn(m);
        }
        assertThat(evening / (3 * 3600.0)).as("evening peak TPS").isCloseTo(50.0, within(1.0));
    }

    @Test
    void incidentsFollowTheSeedsCountsDurationsAndRecoveriesWithoutOverlapping() {
        List<CommerceTimeline.Incident> incidents = week.incidents();
        assertThat(incidents.size()).isBetween(14, 21);
        for (int i = 0; i < incidents.size(); i++) {
            CommerceTimeline.Incident incident = incidents.get(i);
            assertThat(incident.durationMinutes()).isBetween(5, 15);
            assertThat(incident.recoveryMinutes()).isBetween(5, 10);
            assertThat(incident.errorRate()).isBetween(0.25, 0.40);
            if (i > 0) {
                assertThat(incident.startMinute()).isGreaterThanOrEqualTo(incidents.get(i - 1).recoveryEndMinute());
            }
            assertThat(week.incidentAt(incident.startMinute())).isSameAs(incident);
            assertThat(week.incidentAt(incident.recoveryEndMinute() - 1)).isSameAs(incident);
        }
        assertThat(incidents.stream().map(CommerceTimeline.Incident::type).distinct().count()).as("types seen in a week").isGreaterThanOrEqualTo(3);
        assertThat(incidents.stream().filter(i -> i.type() == IncidentType.PAYMENT_GATEWAY_TIMEOUT).count())
                .as("payment gateway timeouts are the most common").isGreaterThanOrEqualTo(
                        incidents.stream().filter(i -> i.type() == IncidentType.MEMORY_PRESSURE).count());
    }

    @Test
    void rangesParseAsTheSeedWritesThem() {
        assertThat(CommerceSettings.range("--x", "25-40")).containsExactly(25, 40);
        assertThat(CommerceSettings.range("--x", "2")).containsExactly(2, 2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CommerceSettings.range("--error-rate-normal", "a-b"))
                .hasMessageContaining("--error-rate-normal");
    }
}
