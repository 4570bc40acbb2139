package io.loadbench.loader.run;

import io.loadbench.results.load.LoadResult;
import io.loadbench.loader.spi.CheckResult;

import java.util.List;
import java.util.Map;

/**
 * The outcome of verifying a dataset: every check's result and each table's checksum.
 *
 * @param results   row counts first, then the dataset's own checks
 * @param checksums table name to {@link TableChecksums checksum}, in load order
 */
public record VerificationResult(List<CheckResult> results, Map<String, String> checksums) {

    public boolean passed() {
        return results.stream().allMatch(CheckResult::passed);
    }

    /** Names of the failed checks, comma-separated. */
    public String failedChecks() {
        return String.join(", ", results.stream().filter(r -> !r.passed()).map(CheckResult::check).toList());
    }

    LoadResult.Verification toReport() {
        return new LoadResult.Verification(passed() ? LoadResult.VerificationStatus.PASSED : LoadResult.VerificationStatus.FAILED,
                results.stream().map(LoadReports::check).toList(),
                checksums);
    }
}
