package io.loadbench.results;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What produced a run folder; written to {@code manifest.json} as {@code kind} in lower case. */
public enum RunKind {
    /** A loader run: {@code load.json}. */
    LOAD,
    /** A JMH suite run: {@code jmh.json}. */
    JMH,
    /** A Gatling simulation: {@code scenario.json}, {@code hdr/}, {@code gatling/}. */
    GATLING,
    /** Runs of several injectors merged into one: {@code merge.json} beside the merged files. */
    MERGE;

    /** The name in the manifest: {@code load}, {@code jmh}, {@code gatling}, {@code merge}. */
    @JsonValue
    public String manifestName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind a manifest names; an unknown name is an error naming it. */
    @JsonCreator
    public static RunKind fromManifestName(String name) {
        for (RunKind kind : values()) {
            if (kind.manifestName().equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown run kind '" + name + "' (known: load, jmh, gatling, merge)");
    }
}
