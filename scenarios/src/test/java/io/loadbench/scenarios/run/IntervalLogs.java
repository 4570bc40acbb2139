package io.loadbench.scenarios.run;

import io.loadbench.results.latency.LatencyKind;
import io.loadbench.results.latency.LatencyLogReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** How far a running simulation has got, read from its run folder: for tests that inject a fault mid-run. */
final class IntervalLogs {

    private IntervalLogs() {
    }

    /**
     * Intervals written so far to the intended-latency interval log of {@code request} in the run folder under
     * {@code results}; 0 while there is no such log, or while it is being written (then look again).
     */
    static int written(Path results, String request) {
        String name = LatencyKind.INTENDED.hlogFileName(request);
        try (Stream<Path> files = Files.walk(results)) {
            Optional<Path> log = files.filter(p -> p.getFileName().toString().equals(name)).findFirst();
            return log.map(file -> LatencyLogReader.intervals(file).size()).orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
