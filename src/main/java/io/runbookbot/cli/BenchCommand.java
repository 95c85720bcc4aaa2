package io.runbookbot.cli;

import io.runbookbot.search.IndexedRunbooks;
import io.runbookbot.search.Ranking;
import io.runbookbot.search.embed.Embeddings;
import io.runbookbot.search.eval.EvalQuestion;
import io.runbookbot.search.eval.EvalSet;
import io.runbookbot.search.markdown.LoadResult;
import io.runbookbot.search.markdown.Runbook;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: index build time, query latency percentiles after warm-up, and heap in use.
 * {@code --scale N} indexes N renamed copies of the folder to show how cost grows.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measure index build time, query latency (p50/p95/p99) and heap.")
public final class BenchCommand implements Callable<Integer> {
    @Mixin
    RunbooksOption runbooks;

    @Mixin
    OllamaOptions ollama;

    @Option(
            names = "--questions",
            required = true,
            paramLabel = "FILE",
            description = "Questions to time (JSON Lines).")
    Path questions;

    @Option(
            names = "--scale",
            paramLabel = "N",
            defaultValue = "1",
            description = "Index N renamed copies (default: ${DEFAULT-VALUE}).")
    int scale;

    @Option(
            names = "--rounds",
            paramLabel = "N",
            defaultValue = "20",
            description = "Timed passes over the questions (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--builds",
            paramLabel = "N",
            defaultValue = "3",
            description = "Times to load and build, the first in a cold JVM (default: ${DEFAULT-VALUE}).")
    int builds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<EvalQuestion> set = EvalSet.read(questions);
        long[] load = new long[Math.max(1, builds)];
        long[] build = new long[load.length];
        LoadResult loaded = null;
        for (int i = 0; i < load.length; i++) {
            long t0 = System.nanoTime();
            loaded = runbooks.loader().load(runbooks.dir());
            long t1 = System.nanoTime();
            LoadResult scaled = scaled(loaded, Math.max(1, scale));
            long t2 = System.nanoTime();
            IndexedRunbooks.of(scaled, Ranking.DEFAULT).close();
            build[i] = System.nanoTime() - t2;
            load[i] = t1 - t0;
        }
        try (IndexedRunbooks indexed = IndexedRunbooks.of(scaled(loaded, Math.max(1, scale)), Ranking.DEFAULT)) {
            out.printf(
                    "corpus: %s x%d = %d runbooks, %d sections%n",
                    runbooks.dir(), Math.max(1, scale), indexed.runbooks().size(), indexed.sectionCount());
            out.printf("load+parse (x1): first %d ms (cold JVM), warm median %d ms%n", ms(load[0]), ms(median(load)));
            out.printf("index build:     first %d ms (cold JVM), warm median %d ms%n", ms(build[0]), ms(median(build)));
            latency(indexed, set, out);
            out.print("pasted 60-line blocks (each question inside log lines and a stack trace): ");
            latency(
                    indexed,
                    set.stream()
                            .map(q ->
                                    new EvalQuestion(q.id(), PastedBlock.around(q.question()), q.kind(), q.expected()))
                            .toList(),
                    out);
            out.printf("heap used after GC: %d MiB%n", heapAfterGc() / (1024 * 1024));
            ollama.embedModel().ifPresent(model -> hybrid(indexed.loadResult(), model, set, out));
        }
        out.flush();
        return 0;
    }

    /** Hybrid: embedding cost, then questions embedded once (first pass) and with vectors remembered. */
    private void hybrid(LoadResult loaded, String model, List<EvalQuestion> set, PrintWriter out) {
        try (Embeddings embeddings = ollama.embeddings(model)) {
            long t0 = System.nanoTime();
            try (IndexedRunbooks hybrid = IndexedRunbooks.of(loaded, Ranking.DEFAULT, Optional.of(embeddings), true)) {
                out.printf(
                        "hybrid index (%s, embedding what %s lacks): %d ms%s%n",
                        model,
                        ollama.cacheDir(),
                        ms(System.nanoTime() - t0),
                        hybrid.hybrid() ? "" : " -- FAILED, keyword only");
                long[] first = new long[set.size()];
                for (int i = 0; i < set.size(); i++) {
                    long start = System.nanoTime();
                    hybrid.ask(set.get(i).question(), 5);
                    first[i] = System.nanoTime() - start;
                }
                Arrays.sort(first);
                out.printf(
                        "hybrid, each question embedded once: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms%n",
                        pct(first, 50), pct(first, 95), pct(first, 99));
                out.print("hybrid, question vectors remembered (fusion cost): ");
                latency(hybrid, set, out);
            }
        }
    }

    /** The median of the runs after the first (the first includes class loading and JIT warm-up). */
    private static long median(long[] runs) {
        if (runs.length == 1) {
            return runs[0];
        }
        long[] warm = Arrays.copyOfRange(runs, 1, runs.length);
        Arrays.sort(warm);
        return warm[warm.length / 2];
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
        out.printf(
                "queries: %d timed after warm-up; latency p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n",
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
