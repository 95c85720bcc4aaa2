package io.runbookbot.search;

import io.runbookbot.core.Answer;
import io.runbookbot.core.RunbookSearch;
import io.runbookbot.search.analysis.PastedText;
import io.runbookbot.search.eval.CrossValidation;
import io.runbookbot.search.eval.EvalQuestion;
import io.runbookbot.search.eval.EvalReport;
import io.runbookbot.search.eval.EvalSet;
import io.runbookbot.search.eval.Evaluator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Chooses {@link PastedText.Settings} by k-fold cross-validation over the pasted dev sets (corpus and
 * seeds together). Folds are drawn over the ORIGINAL error-message questions, and every pasted variant
 * of a question goes to its question's fold, so no variant of a held-out question is ever tuned on.
 * Prints each variant's hit@1 per set, then per fold the variant chosen on the other folds and its
 * held-out hit@1, as mean and spread. Args: the shared folder, the folder of the pasted sets.
 */
public final class PastedTuner {
    private PastedTuner() {}

    public static void main(String[] args) {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared");
        Path pasted = Path.of(args.length > 1 ? args[1] : "src/test/resources/eval");
        List<PastedText.Settings> variants = new ArrayList<>();
        for (int typeBelow : new int[] {1, 2, 4, 8, 1000}) {
            for (int kept : new int[] {1, 2, 3, 6, 12}) {
                variants.add(new PastedText.Settings(typeBelow, kept));
            }
        }
        List<EvalQuestion> bare = new ArrayList<>(errors(EvalSet.read(shared.resolve("eval/dev.jsonl"))));
        bare.addAll(errors(EvalSet.read(shared.resolve("eval/seeds-dev.jsonl"))));
        Map<PastedText.Settings, EvalReport> corpus =
                reports(shared.resolve("corpus"), EvalSet.read(pasted.resolve("pasted-dev.jsonl")), variants);
        Map<PastedText.Settings, EvalReport> seeds =
                reports(shared.resolve("seeds"), EvalSet.read(pasted.resolve("pasted-seeds-dev.jsonl")), variants);
        for (PastedText.Settings v : variants) {
            System.out.printf(
                    "%-45s corpus hit@1 %.3f  seeds hit@1 %.3f%n",
                    v, corpus.get(v).overall().hit1(), seeds.get(v).overall().hit1());
        }
        CrossValidation cv = CrossValidation.of(bare);
        CrossValidation.Selection<PastedText.Settings> chosen =
                cv.select(variants, (v, fold) -> hit1(corpus.get(v), seeds.get(v), fold, true, true));
        System.out.println("chosen per fold: " + chosen.chosen());
        System.out.println("held-out hit@1, both sets: " + chosen.heldOut());
        for (String set : List.of("corpus", "seeds")) {
            boolean c = set.equals("corpus");
            StringBuilder folds = new StringBuilder();
            List<Double> perFold = new ArrayList<>();
            for (int i = 0; i < cv.k(); i++) {
                PastedText.Settings v = chosen.chosen().get(i);
                long n = count(corpus.get(v), seeds.get(v), cv.test(i), c, !c);
                if (n > 0) {
                    double h = hit1(corpus.get(v), seeds.get(v), cv.test(i), c, !c);
                    perFold.add(h);
                    folds.append(String.format(" %.3f(n=%d)", h, n));
                }
            }
            System.out.println("held-out hit@1, " + set + " (folds holding its questions): "
                    + new CrossValidation.Spread(
                            perFold.stream().mapToDouble(Double::doubleValue).toArray())
                    + " |" + folds);
        }
        PastedText.Settings d = PastedText.Settings.DEFAULT;
        System.out.println("DEFAULT " + d + " per fold, both sets: "
                + cv.score(fold -> hit1(corpus.get(d), seeds.get(d), fold, true, true)));
    }

    private static List<EvalQuestion> errors(List<EvalQuestion> questions) {
        return questions.stream().filter(q -> q.kind().equals("error-message")).toList();
    }

    private static long count(EvalReport corpus, EvalReport seeds, List<EvalQuestion> fold, boolean c, boolean s) {
        Set<String> ids = fold.stream().map(EvalQuestion::id).collect(Collectors.toSet());
        return (c ? corpus.outcomes().stream() : java.util.stream.Stream.<io.runbookbot.search.eval.Outcome>empty())
                        .filter(o -> ids.contains(o.id().replaceFirst("-p\\d+$", "")))
                        .count()
                + (s
                        ? seeds.outcomes().stream()
                                .filter(o -> ids.contains(o.id().replaceFirst("-p\\d+$", "")))
                                .count()
                        : 0);
    }

    /** hit@1 over the pasted variants of the given original questions, on the chosen sets. */
    private static double hit1(EvalReport corpus, EvalReport seeds, List<EvalQuestion> fold, boolean c, boolean s) {
        Set<String> ids = fold.stream().map(EvalQuestion::id).collect(Collectors.toSet());
        List<EvalReport> reports = new ArrayList<>();
        if (c) {
            reports.add(corpus);
        }
        if (s) {
            reports.add(seeds);
        }
        long n = 0;
        long hits = 0;
        for (EvalReport r : reports) {
            for (var o : r.outcomes()) {
                if (ids.contains(o.id().replaceFirst("-p\\d+$", ""))) {
                    n++;
                    hits += o.shownAt() == 1 ? 1 : 0;
                }
            }
        }
        return n == 0 ? 0 : (double) hits / n;
    }

    private static Map<PastedText.Settings, EvalReport> reports(
            Path runbooks, List<EvalQuestion> questions, List<PastedText.Settings> variants) {
        Map<PastedText.Settings, EvalReport> out = new HashMap<>();
        try (IndexedRunbooks indexed = IndexedRunbooks.open(runbooks)) {
            for (PastedText.Settings v : variants) {
                RunbookSearch distilling = (question, topN) -> {
                    Answer a = indexed.ask(PastedText.distil(question, v), topN);
                    return a;
                };
                out.put(v, new Evaluator(distilling, indexed.runbooks()).evaluate(questions));
            }
        }
        return out;
    }
}
