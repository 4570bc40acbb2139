package io.loadbench.report.compare;

import io.loadbench.report.ReportException;
import io.loadbench.report.read.SavedRun;
import io.loadbench.results.workload.WorkloadDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Compares the custom workloads of runs (their {@code plan.workload}): two runs of the SQL-script or Redis-command
 * workload measured the same thing only when they ran the same scripts or command templates, with the same weights.
 * The plan check would name the hash alone; this says which sources differ. Runs without a custom workload (every
 * built-in simulation, loads, benchmarks) are the plan check's business.
 */
public final class WorkloadCheck {

    /** How many hex digits of a hash the refusal shows: enough to tell two apart, short enough for one line. */
    static final int SHOWN_HASH_DIGITS = 12;

    private WorkloadCheck() {
    }

    /**
     * One line saying which runs ran other scripts or commands than run A, and which of their sources differ, e.g.
     * {@code cannot compare runs of different workloads: run B ran other SQL scripts than run A (sha256 A=2985859943ba,
     * B=77aa01bc33de; differing: script select.sql)}; empty when every run that has a custom workload ran A's.
     *
     * @throws ReportException naming the run folder when its {@code plan.workload} is malformed
     */
    public static Optional<String> refusal(List<SavedRun> runs) {
        List<Optional<WorkloadDefinition.Fingerprint>> fingerprints = new ArrayList<>();
        for (SavedRun run : runs) {
            try {
                fingerprints.add(WorkloadDefinition.fingerprint(run.manifest()));
            } catch (IllegalArgumentException e) {
                throw new ReportException(run.dir().resolve("manifest.json") + ": " + e.getMessage(), e);
            }
        }
        Optional<WorkloadDefinition.Fingerprint> base = fingerprints.get(0);
        if (base.isEmpty()) {
            return Optional.empty();
        }
        List<String> differing = new ArrayList<>();
        for (int i = 1; i < runs.size(); i++) {
            Optional<WorkloadDefinition.Fingerprint> other = fingerprints.get(i);
            if (other.isPresent() && !other.get().sha256().equals(base.get().sha256())) {
                differing.add(describe(PlanCheck.letter(i), base.get(), other.get()));
            }
        }
        return differing.isEmpty() ? Optional.empty()
                : Optional.of("cannot compare runs of different workloads: " + String.join("; ", differing));
    }

    private static String describe(String letter, WorkloadDefinition.Fingerprint base, WorkloadDefinition.Fingerprint other) {
        String hashes = "sha256 A=" + shortHash(base.sha256()) + ", " + letter + "=" + shortHash(other.sha256());
        if (!base.kind().equals(other.kind())) {
            return "run " + letter + " ran a " + other.kind() + " workload where run A ran a " + base.kind() + " one (" + hashes + ")";
        }
        return "run " + letter + " ran other " + sourcesOf(base.kind()) + " than run A (" + hashes + "; "
                + sourceDifferences(letter, base.sources(), other.sources()) + ")";
    }

    private static String sourcesOf(String kind) {
        return switch (kind) {
            case "sql-script" -> "SQL scripts";
            case "redis-commands" -> "Redis commands";
            default -> kind + " sources";
        };
    }

    /** Which sources differ; when none does, the difference is in the weights (or the order). */
    private static String sourceDifferences(String letter, Map<String, String> base, Map<String, String> other) {
        List<String> out = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(base.keySet());
        names.addAll(other.keySet());
        for (String name : names) {
            String a = base.get(name);
            String b = other.get(name);
            if (a == null) {
                out.add(name + " only in " + letter);
            } else if (b == null) {
                out.add(name + " only in A");
            } else if (!Objects.equals(a, b)) {
                out.add(name);
            }
        }
        return out.isEmpty() ? "same texts, other weights or order" : "differing: " + String.join(", ", out);
    }

    private static String shortHash(String sha256) {
        return sha256.length() <= SHOWN_HASH_DIGITS ? sha256 : sha256.substring(0, SHOWN_HASH_DIGITS);
    }
}
