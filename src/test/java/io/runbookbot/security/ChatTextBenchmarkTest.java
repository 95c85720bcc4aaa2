package io.runbookbot.security;

import io.runbookbot.core.chat.IncidentTriage;
import io.runbookbot.core.chat.RequestParser;
import io.runbookbot.search.IndexedRunbooks;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Prints the CPU time that hostile chat text costs: triage, request parsing and search of 40 KB
 * messages. No assertions (the attack tests assert bounds); run with
 * {@code mvn -o test -Dtest=ChatTextBenchmarkTest -Drunbookbot.benchmark=true}.
 */
@EnabledIfSystemProperty(named = "runbookbot.benchmark", matches = "true")
class ChatTextBenchmarkTest {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    static Map<String, String> messages() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("one 40,000-letter word", "a".repeat(40_000) + " and then some");
        m.put("'Aa' x 20000", "Aa".repeat(20_000) + " and then some");
        m.put("40,000 x 'A'", "A".repeat(40_000) + " and then some");
        m.put("40,000 characters of words", "disk is full again ".repeat(40_000 / 19));
        m.put("colon and 40,000 spaces", "error at:" + " ".repeat(40_000));
        m.put("40,000 x 'Ab1'", "Ab1".repeat(13_333) + " and then some");
        StringBuilder distinct = new StringBuilder();
        for (int i = 0; distinct.length() < 40_000; i++) {
            distinct.append("word").append(Integer.toString(i, 36)).append(i % 7 == 0 ? " error " : " ");
        }
        m.put("40,000 characters of distinct words", distinct.toString());
        m.put(
                "pasted log lines",
                "2024-01-01T00:00:00Z ERROR [main] c.e.Foo: connection refused to db:5432 (attempt 3)\n"
                        .repeat(40_000 / 80));
        return m;
    }

    @Test
    void printsTheCpuTimeOfHostileMessages() {
        try (IndexedRunbooks runbooks = IndexedRunbooks.open(Path.of("runbooks"))) {
            messages().forEach((name, text) -> {
                measure("triage  " + name, () -> IncidentTriage.readsLikeSymptom(text));
                measure("parse   " + name, () -> RequestParser.parse(text));
                measure("search  " + name, () -> runbooks.ask(text, 5));
            });
        }
    }

    private static void measure(String what, Runnable task) {
        long cpu = CPU.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        String outcome = "ok";
        try {
            task.run();
        } catch (RuntimeException | StackOverflowError e) {
            outcome = e.getClass().getSimpleName();
        }
        System.out.printf(
                "chat text: %-40s cpu %6d ms, wall %6d ms (%s)%n",
                what,
                (CPU.getCurrentThreadCpuTime() - cpu) / 1_000_000,
                (System.nanoTime() - wall) / 1_000_000,
                outcome);
    }
}
