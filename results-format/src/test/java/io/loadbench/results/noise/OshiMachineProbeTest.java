package io.loadbench.results.noise;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OSHI probe on this machine, beside a busy loop. Nothing here assumes the machine is quiet (it is shared):
 * a hog adds at least half a core to whichever side it belongs to, whatever else runs.
 */
@EnabledOnOs(OS.LINUX)
class OshiMachineProbeTest {

    private static final Duration WINDOW = Duration.ofSeconds(3);

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aBusyLoopOutsideThisProcessTreeIsForeignCpu() throws InterruptedException {
        OshiMachineProbe probe = new OshiMachineProbe();
        try (CpuHog hog = CpuHog.outsideThisProcessTree()) {
            assertThat(hog.running()).isTrue();
            MachineReading before = probe.read();
            Thread.sleep(WINDOW.toMillis());
            MachineReading after = probe.read();

            NoiseInterval interval = NoiseInterval.between(before, after).orElseThrow();
            assertThat(interval.foreignCpuPercentOfCore()).as("foreign CPU beside a busy loop, %% of a core").isGreaterThan(50);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aBusyLoopThisJvmStartedIsItsOwnCpu() throws InterruptedException {
        OshiMachineProbe probe = new OshiMachineProbe();
        try (CpuHog hog = CpuHog.child()) {
            MachineReading before = probe.read();
            Thread.sleep(WINDOW.toMillis());
            MachineReading after = probe.read();

            double ownCores = (after.ownCpuMs() - before.ownCpuMs()) / (double) WINDOW.toMillis();
            assertThat(ownCores).as("own CPU with a child busy loop, in cores").isGreaterThan(0.5);
        }
    }

    @Test
    void aReadingCostsLittle() {
        OshiMachineProbe probe = new OshiMachineProbe();
        probe.read();
        // CPU time, not wall time: the machine is shared, and what a reading costs the run is its CPU
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long started = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < 20; i++) {
            probe.read();
        }
        double msPerReading = (threads.getCurrentThreadCpuTime() - started) / 1e6 / 20;
        // one reading a second: 20 ms would be 2% of a core (about 5 ms for a hundred processes here)
        assertThat(msPerReading).as("CPU ms per reading").isLessThan(20);
    }
}
