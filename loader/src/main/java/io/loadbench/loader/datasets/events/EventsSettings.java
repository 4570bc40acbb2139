package io.loadbench.loader.datasets.events;

import io.loadbench.loader.spi.InvalidOptionException;

import java.time.LocalDate;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The {@code events} dataset's own settings, validated at construction; invalid values are rejected naming
 * their option, never repaired. The number of events is the common {@code --rows}.
 *
 * @param users   distinct users; 20% of them create 80% of the events ({@code --users})
 * @param days    length of the time window in days, ending at {@code endDate} ({@code --days})
 * @param endDate end of the time window, exclusive, 00:00 UTC; fixed so loads are reproducible ({@code --end-date})
 */
public record EventsSettings(int users, int days, LocalDate endDate) {

    public static final int DEFAULT_USERS = 10_000;
    public static final int DEFAULT_DAYS = 90;
    public static final LocalDate DEFAULT_END_DATE = LocalDate.of(2026, 10, 1);
    /** The user shuffle keeps one int per user in memory. */
    public static final int MAX_USERS = 20_000_000;

    public static final EventsSettings DEFAULTS = new EventsSettings(DEFAULT_USERS, DEFAULT_DAYS, DEFAULT_END_DATE);

    public EventsSettings {
        if (users < 2) {
            throw new InvalidOptionException("--users", "must be at least 2, got " + users);
        }
        if (users > MAX_USERS) {
            throw new InvalidOptionException("--users", "must be at most 20,000,000, got " + users);
        }
        if (days < 1 || days > 3_660) {
            throw new InvalidOptionException("--days", "must be between 1 and 3660, got " + days);
        }
        Objects.requireNonNull(endDate, "endDate");
        LocalDate start = endDate.minusDays(days);
        if (start.getYear() < 2000 || endDate.getYear() > 9000) {
            throw new InvalidOptionException("--end-date", "window must lie within years 2000-9000, got "
                    + start + " .. " + endDate);
        }
    }

    public EventsSettings withUsers(int newUsers) {
        return new EventsSettings(newUsers, days, endDate);
    }

    /** First day of the window (inclusive). */
    public LocalDate startDate() {
        return endDate.minusDays(days);
    }

    /** The settings as the dataset's parameters name them. */
    SortedMap<String, Object> values() {
        SortedMap<String, Object> values = new TreeMap<>();
        values.put("users", users);
        values.put("days", days);
        values.put("endDate", endDate.toString());
        return values;
    }
}
