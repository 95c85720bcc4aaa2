package io.runbookbot.cli;

import io.runbookbot.search.IndexedRunbooks;
import io.runbookbot.search.Ranking;
import io.runbookbot.search.eval.EvalQuestion;
import io.runbookbot.search.eval.EvalSet;
import io.runbookbot.search.markdown.LoadResult;
import io.runbookbot.search.markdown.Runbook;
import io.runbookbot.search.markdown.RunbookLoader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bench}: index build time, query latency percentiles after warm-up, and heap in use.
 * {@code --scale N} indexes N renamed copies of the folder to show how cost grows.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure index build time, query latency (p50/p95/p99) and heap.")
public final class BenchCommand implements Callable<Integer> {
    @Mixin
    RunbooksOption runbooks;

    @Option(names = "--questions", required = true, paramLabel = "FILE", description = "Questions to time (JSON Lines).")
    Path questions;

    @Option(names = "--scale", paramLabel = "N", defaultValue = "1", description = "Index N renamed copies (default: ${DEFAULT-VALUE}).")
    int scale;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "20", description = "Timed passes over the questions (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<EvalQuestion> set = EvalSet.read(questions);
        long t0 = System.nanoTime();
        LoadResult loaded = new RunbookLoader().load(runbooks.dir());
        long t1 = System.nanoTime();
        LoadResult scaled = scaled(loaded, Math.max(1, scale));
        long t2 = System.nanoTime();
        try (IndexedRunbooks indexed = IndexedRunbooks.of(scaled, Ranking.DEFAULT)) {
            long t3 = System.nanoTime();
            out.printf("corpus: %s x%d = %d runbooks, %d sections%n", runbooks.dir(), Math.max(1, scale),
                    scaled.runbooks().size(), indexed.sectionCount());
            out.printf("load+parse (x1): %d ms%n", ms(t1 - t0));
            out.printf("index build:     %d ms%n", ms(t3 - t2));
            out.printf("total (x1 load + build): %d ms%n", ms(t1 - t0 + t3 - t2));
            latency(indexed, set, out);
            out.printf("heap used after GC: %d MiB%n", heapAfterGc() / (1024 * 1024));
        }
        out.flush();
        return 0;
    }

    private void latency(IndexedRunbooks indexed, List<EvalQuestion> set, PrintWriter out) {
        for (int i = 0; i < 5; i++) {
            set.forEach(q -> indexed.ask(q.question(), 5)); // warm-up
        }
        long[] nanos = new long[set.size() * Math.max(1, rounds)];
        int n = 0;
        for (int r = 0; r < Math.max(1, rounds); r++) {
            for (EvalQuestion q : set) {
                long start = System.nanoTime();
                indexed.ask(q.question(), 5);
                nanos[n++] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        out.printf("queries: %d timed after warm-up; latency p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                n, pct(nanos, 50), pct(nanos, 95), pct(nanos, 99), nanos[n - 1] / 1e6);
    }

    private static LoadResult scaled(LoadResult loaded, int copies) {
        if (copies == 1) {
            return loaded;
        }
        List<Runbook> out = new ArrayList<>();
        for (int c = 0; c < copies; c++) {
            String prefix = "copy-" + c + "/";
            for (Runbook r : loaded.runbooks()) {
                out.add(new Runbook(prefix + r.file(), r.title(), r.lines(), r.headings(), r.codeBlocks()));
            }
        }
        return new LoadResult(out, loaded.skipped(), loaded.empty());
    }

    private static double pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, i)] / 1e6;
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
