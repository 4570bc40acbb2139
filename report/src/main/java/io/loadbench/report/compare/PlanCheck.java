package io.loadbench.report.compare;

import io.loadbench.report.read.Flatten;
import io.loadbench.report.read.SavedRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Compares the manifests' {@code plan} sections. Two runs are comparable when they measured the same
 * thing: same dataset and size, seed, rate, users, preset, batch sizes.
 */
public final class PlanCheck {

    private PlanCheck() {
    }

    /** The letter that names the i-th run in every table: A, B, … Z, then AA, AB, …. */
    public static String letter(int index) {
        return index < 26 ? String.valueOf((char) ('A' + index)) : letter(index / 26 - 1) + letter(index % 26);
    }

    /**
     * One entry per differing plan parameter, e.g. {@code rate (A=10000, B=5000)}; empty when all plans
     * are equal.
     */
    public static List<String> differences(List<SavedRun> runs) {
        List<Map<String, String>> plans = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>();
        for (SavedRun run : runs) {
            Map<String, String> plan = Flatten.flatten(run.manifest().plan());
            plans.add(plan);
            keys.addAll(plan.keySet());
        }
        List<String> out = new ArrayList<>();
        for (String key : keys) {
            boolean differs = false;
            for (Map<String, String> plan : plans) {
                differs |= !Objects.equals(plan.get(key), plans.get(0).get(key));
            }
            if (differs) {
                StringBuilder values = new StringBuilder();
                for (int i = 0; i < plans.size(); i++) {
                    String value = plans.get(i).get(key);
                    values.append(i == 0 ? "" : ", ").append(letter(i)).append('=').append(value == null ? "absent" : value);
                }
                out.add(key + " (" + values + ")");
            }
        }
        return out;
    }
}
