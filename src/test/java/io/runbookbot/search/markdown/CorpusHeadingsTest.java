package io.runbookbot.search.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The parser against the eval's heading extractor ({@code shared/eval/headings.py}, ported in
 * {@link EvalHeadings}) on the whole shared corpus.
 */
class CorpusHeadingsTest {
    /**
     * Files where the parser knowingly differs from headings.py: it follows CommonMark where the
     * eval's line-based extractor does not, and it closes a fence left open to the end of a file.
     */
    private static final Map<String, String> KNOWN_DIFFERENCES = Map.of(
            "argoproj__argo-cd/docs/operator-manual/notifications/troubleshooting-errors.md",
            "headings.py lets \"```yaml\" close a fence; CommonMark does not (closing fences take no info)",
            "cloudnative-pg__cloudnative-pg/docs/src/faq.md",
            "headings.py reads headings inside a multi-line <!-- HTML comment -->",
            "gitlab-com__runbooks/docs/patroni/log_analysis.md",
            "\"``` ERROR ... ```\" on one line is inline code in CommonMark, a fence for headings.py",
            "gitlab-com__runbooks/docs/patroni/performance-degradation-troubleshooting.md",
            "same one-line triple-backtick code spans, so the fences pair up differently",
            "kubernetes__ingress-nginx/docs/troubleshooting.md",
            "headings.py reads a setext heading inside a leading <!-- HTML comment -->",
            "openshift__runbooks/alerts/openshift-virtualization-operator/GuestVCPUQueueHighCritical.md",
            "a fence in a list item ends with the item in CommonMark; headings.py pairs \"```bash\" as a close",
            "prometheus-operator__runbooks/content/runbooks/prometheus-operator/PrometheusOperatorNodeLookupErrors.md",
            "fence left open to EOF: the parser closes it before \"## Mitigation\", headings.py swallows it");

    private static Path corpus() {
        Path corpus = SharedFiles.root().resolve("corpus");
        assumeTrue(Files.isDirectory(corpus), "shared corpus not found at " + corpus);
        return corpus;
    }

    private static List<EvalHeadings.Found> parserHeadings(Runbook runbook) {
        return runbook.headings().stream()
                .filter(h -> h.level() > 0)
                .map(h -> new EvalHeadings.Found(h.line(), h.level(), h.text()))
                .toList();
    }

    private static boolean agrees(Path root, Runbook runbook) {
        try {
            String content = Files.readString(root.resolve(runbook.file()));
            return EvalHeadings.mdHeadings(content).equals(parserHeadings(runbook));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void markdownHeadingsAgreeWithTheEvalExtractorExceptKnownCommonMarkCases() {
        Path corpus = corpus();
        LoadResult result = new RunbookLoader().load(corpus);
        List<Runbook> markdown =
                result.runbooks().stream().filter(r -> r.file().endsWith(".md")).toList();

        TreeSet<String> disagreeing = markdown.stream()
                .filter(r -> !agrees(corpus, r))
                .map(Runbook::file)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(result.skipped()).isEmpty();
        assertThat(markdown).hasSizeGreaterThan(800);
        assertThat(disagreeing).containsExactlyInAnyOrderElementsOf(KNOWN_DIFFERENCES.keySet());
    }

    @Test
    void markdownSeedsAgreeWithTheEvalExtractor() throws IOException {
        Path seeds = SharedFiles.root().resolve("seeds");
        assumeTrue(Files.isDirectory(seeds), "seeds not found at " + seeds);
        RunbookParser parser = new RunbookParser();
        for (String name : List.of(
                "000_f8c6a6c4a686c97f.txt",
                "001_63f2d39d9ed1ccde.txt",
                "002_9184cae6b7fb1807.txt",
                "004_8587da4a93a365c5.txt")) {
            String content = Files.readString(seeds.resolve(name));
            assertThat(parserHeadings(parser.parse(name, content)))
                    .as(name)
                    .isEqualTo(EvalHeadings.mdHeadings(content));
        }
    }

    @Test
    void printsCorpusLoadTime() {
        Path corpus = corpus();
        RunbookLoader loader = new RunbookLoader();
        for (int i = 0; i < 5; i++) {
            loader.load(corpus);
        }
        long best = Long.MAX_VALUE;
        int runbooks = 0;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            runbooks = loader.load(corpus).runbooks().size();
            best = Math.min(best, System.nanoTime() - start);
        }
        System.out.printf(
                "Corpus load+parse: %d runbooks in %d ms (best of 5, warm JVM, %d cores)%n",
                runbooks, best / 1_000_000, Runtime.getRuntime().availableProcessors());
        assertThat(runbooks).isPositive();
    }
}
