package io.runbookbot.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.redact.Redactor;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Redaction time per 256 KiB for each worst case of {@link RedactionWorstCases} (the target is at
 * most 50 ms). Prints the median CPU time of the redacting thread over several runs after a
 * warm-up (wall time too; on a shared machine it mostly measures the neighbours); asserts only that
 * every case ran. Skipped unless asked for:
 * <pre>
 * mvn test -Dtest=RedactionBenchmarkTest -Drunbookbot.benchmark=true
 * </pre>
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "runbookbot.benchmark", matches = "true")
class RedactionBenchmarkTest {
    private static final int WARM_UP = 15;
    private static final int RUNS = 21;

    @Test
    void printsMillisecondsPer256KiBForEachWorstCase() {
        Map<String, String> cases = RedactionWorstCases.all();
        cases.values().forEach(text -> {
            for (int i = 0; i < WARM_UP; i++) {
                Redactor.redact(text);
            }
        });
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        cases.forEach((name, text) -> {
            double[] cpu = new double[RUNS];
            double[] wall = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                Redactor.redact(text);
                wall[i] = (System.nanoTime() - start) / 1e6;
                cpu[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
            }
            Arrays.sort(cpu);
            Arrays.sort(wall);
            System.out.printf(
                    "RedactionBenchmark: %-40s %7.2f ms CPU per 256 KiB (median of %d; wall median %.2f, max %.2f)%n",
                    name, cpu[RUNS / 2], RUNS, wall[RUNS / 2], wall[RUNS - 1]);
        });
        assertThat(cases).hasSizeGreaterThan(10);
    }
}
