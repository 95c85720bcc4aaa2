package io.runbookbot.search;

import io.runbookbot.search.eval.EvalQuestion;
import io.runbookbot.search.eval.EvalSet;
import io.runbookbot.search.eval.Evaluator;
import io.runbookbot.search.index.RunbookIndex;
import io.runbookbot.search.index.RunbookIndexer;
import io.runbookbot.search.markdown.LoadResult;
import io.runbookbot.search.markdown.RunbookLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Development tool, not a test: how robust the answers are to the words people add around a
 * question in chat. Each answerable dev question is asked again with one phrase before or after it
 * ("hey team,", "@oncall", "can someone look") and the share right at rank 1 is printed per phrase,
 * next to the share as asked. A phrase that costs many questions points at a rule that reads chat
 * as content (an intent cue, a rare word); a phrase that asks for something ("how do we fix it")
 * may rightly change the answer. Not used for tuning. Args: the shared folder (default ../shared).
 */
public final class ChatNoiseProbe {
    /** Before the question, or after it when it starts with "+". */
    private static final List<String> PHRASES = List.of(
            "hey team,",
            "quick q:",
            "urgent:",
            "customer impact:",
            "P1:",
            "ok so",
            "@oncall",
            "not sure if related but",
            "+any ideas?",
            "+can someone look",
            "+cc @sre",
            "+been like this since 3am",
            "+rolling back now",
            "+since the upgrade to 4.14",
            "+anyone seen this before?",
            "+how bad is it",
            "+how do we fix it");

    public static void main(String[] args) {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared");
        LoadResult corpus = new RunbookLoader().load(shared.resolve("corpus"));
        List<EvalQuestion> dev = EvalSet.read(shared.resolve("eval/dev.jsonl")).stream()
                .filter(EvalQuestion::answerable)
                .toList();
        try (RunbookIndex index = RunbookIndexer.build(corpus.runbooks())) {
            Evaluator evaluator = new Evaluator(new LuceneRunbookSearch(index), corpus.runbooks());
            System.out.printf(
                    "%-28s %.3f%n",
                    "(as asked)", evaluator.evaluate(dev).overall().hit1());
            for (String phrase : PHRASES) {
                UnaryOperator<String> noisy =
                        phrase.startsWith("+") ? q -> q + " " + phrase.substring(1) : q -> phrase + " " + q;
                List<EvalQuestion> asked = dev.stream()
                        .map(q -> new EvalQuestion(q.id(), noisy.apply(q.question()), q.kind(), q.expected()))
                        .toList();
                System.out.printf(
                        "%-28s %.3f%n",
                        phrase, evaluator.evaluate(asked).overall().hit1());
            }
        }
    }
}
