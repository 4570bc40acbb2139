package io.loadbench.results.latency;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * Hands out one {@link RequestLatencyRecorder} per request name; safe for concurrent use.
 *
 * <p>One instance belongs to one run (it is passed around, never a static), so two runs in one JVM do not
 * mix their numbers. Request names become file names and interval-log tags: characters outside
 * {@code [A-Za-z0-9._-]} are replaced by {@code _}, and two names that would share a file are rejected.
 */
public final class LatencyRecorders {

    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

    private final ConcurrentMap<String, RequestLatencyRecorder> byName = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, String> nameByFileName = new ConcurrentHashMap<>();

    /** The recorder for a request name, created on first use. */
    public RequestLatencyRecorder forRequest(String requestName) {
        RequestLatencyRecorder existing = byName.get(requestName);
        if (existing != null) {
            return existing;
        }
        if (requestName.isBlank()) {
            throw new IllegalArgumentException("a request name must not be blank");
        }
        String fileName = fileName(requestName);
        String owner = nameByFileName.putIfAbsent(fileName, requestName);
        if (owner != null && !owner.equals(requestName)) {
            throw new IllegalArgumentException("request names '" + owner + "' and '" + requestName
                    + "' would share the latency files hdr/" + fileName + ".*; rename one of them");
        }
        return byName.computeIfAbsent(requestName, RequestLatencyRecorder::new);
    }

    /** Every recorder handed out so far, sorted by request name. */
    public List<RequestLatencyRecorder> all() {
        List<RequestLatencyRecorder> all = new ArrayList<>(byName.values());
        all.sort(Comparator.comparing(RequestLatencyRecorder::requestName));
        return all;
    }

    /** The file-name (and interval-log tag) form of a request name. */
    public static String fileName(String requestName) {
        return UNSAFE.matcher(requestName).replaceAll("_");
    }
}
