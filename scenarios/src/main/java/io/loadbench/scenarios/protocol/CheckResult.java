package io.loadbench.scenarios.protocol;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The result of one check.
 *
 * @param failure why it failed, or null when it passed
 * @param saved   session attributes to set; a null value removes the attribute (a cache miss saved as "absent")
 */
public record CheckResult(String failure, Map<String, Object> saved) {

    public static CheckResult passed() {
        return new CheckResult(null, Map.of());
    }

    public static CheckResult failed(String failure) {
        return new CheckResult(failure, Map.of());
    }

    public static CheckResult saving(String key, Object value) {
        Map<String, Object> saved = new HashMap<>();
        saved.put(key, value);
        return new CheckResult(null, Collections.unmodifiableMap(saved));
    }

    public boolean passedCheck() {
        return failure == null;
    }
}
