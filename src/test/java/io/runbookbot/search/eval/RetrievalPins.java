package io.runbookbot.search.eval;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/** Compares an evaluation with the figures pinned in {@code retrieval-regression.properties}. */
final class RetrievalPins {
    private static final Map<String, ToDoubleFunction<Metrics>> FIGURES = Map.of(
            "hit1", Metrics::hit1, "hit3", Metrics::hit3, "mrr5", Metrics::mrr5,
            "answered", Metrics::answeredRate, "abstain", Metrics::abstainRate);

    private RetrievalPins() {
    }

    /** "set.kind.figure: measured < pinned" for every figure of {@code set} that dropped below its pin. */
    static Map<String, String> belowPin(Properties pins, String set, EvalReport report) {
        Map<String, String> dropped = new TreeMap<>();
        for (String key : pins.stringPropertyNames()) {
            String[] parts = key.split("\\.");
            if (!parts[0].equals(set)) {
                continue;
            }
            Metrics m = parts[1].equals("all") ? report.overall() : report.byKind().get(parts[1]);
            double pinned = Double.parseDouble(pins.getProperty(key));
            double measured = m == null ? 0 : FIGURES.get(parts[2]).applyAsDouble(m);
            if (measured < pinned) {
                dropped.put(key, String.format("%.4f < %.4f", measured, pinned));
            }
        }
        return dropped;
    }
}
