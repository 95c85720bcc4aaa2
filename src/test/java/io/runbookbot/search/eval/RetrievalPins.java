package io.runbookbot.search.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Figures pinned two-sided at 4 decimals: a figure that drops fails, and so does one that rises, until
 * it is re-pinned on purpose. Re-pinning: run the regression test with {@code -Drunbookbot.repin=true};
 * it rewrites its pin files under {@code src/test/resources} (or {@code -Drunbookbot.testResources=DIR})
 * and skips its checks. Review the diff and say in the commit why the figures moved.
 */
final class RetrievalPins {
    static final String REPIN_HINT = "if this change is meant, re-pin on purpose: mvn -o test -Dtest=%s"
            + " -Drunbookbot.repin=true, then say in the commit message why the figures moved";
    /** The same for an {@code *IT}, which failsafe runs after {@code package}. */
    static final String REPIN_IT_HINT = "if this change is meant, re-pin on purpose: mvn -o verify -Dtest=none"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=%s -Drunbookbot.repin=true, then say in the"
            + " commit message why the figures moved";

    private RetrievalPins() {}

    static boolean repinning() {
        return Boolean.getBoolean("runbookbot.repin");
    }

    /** Every pinned figure of one evaluation, keyed {@code set.kind.figure}, formatted as pinned. */
    static Map<String, String> figures(String set, EvalReport report) {
        Map<String, String> out = new LinkedHashMap<>();
        put(out, set + ".all", report.overall());
        new TreeMap<>(report.byKind()).forEach((kind, m) -> put(out, set + "." + kind, m));
        report.bands().forEach((band, b) -> {
            out.put(set + ".band." + band.key() + ".answered", Integer.toString(b.answered()));
            out.put(set + ".band." + band.key() + ".precision", fmt(b.precision()));
        });
        return out;
    }

    private static void put(Map<String, String> out, String prefix, Metrics m) {
        if (m.answerable() > 0) {
            out.put(prefix + ".hit1", fmt(m.hit1()));
            out.put(prefix + ".hit3", fmt(m.hit3()));
            out.put(prefix + ".mrr5", fmt(m.mrr5()));
            out.put(prefix + ".answered", fmt(m.answeredRate()));
            out.put(prefix + ".withheld", Integer.toString(m.withheld()));
        }
        if (m.noAnswer() > 0) {
            out.put(prefix + ".abstain", fmt(m.abstainRate()));
        }
    }

    private static String fmt(double figure) {
        return String.format("%.4f", figure);
    }

    /** One line per figure that differs from its pin (either way), or that is pinned or measured only. */
    static List<String> differences(Properties pins, String set, EvalReport report) {
        Map<String, String> measured = figures(set, report);
        TreeSet<String> keys = new TreeSet<>(measured.keySet());
        pins.stringPropertyNames().stream().filter(k -> k.startsWith(set + ".")).forEach(keys::add);
        List<String> out = new ArrayList<>();
        for (String key : keys) {
            String now = measured.get(key);
            String pinned = pins.getProperty(key);
            if (now == null || pinned == null) {
                out.add(key + ": measured " + now + ", pinned " + pinned);
            } else if (!now.equals(pinned)) {
                boolean better = key.endsWith(".withheld")
                        ? Double.parseDouble(now) < Double.parseDouble(pinned)
                        : Double.parseDouble(now) > Double.parseDouble(pinned);
                out.add(key + ": measured " + now + ", pinned " + pinned + (better ? " (better)" : " (WORSE)"));
            }
        }
        return out;
    }

    static Properties load(String resource) {
        Properties pins = new Properties();
        try (InputStream in = RetrievalPins.class.getResourceAsStream("/" + resource)) {
            if (in != null) {
                pins.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pins;
    }

    /** Rewrites a pin file in the test sources: the header, then {@code key=value} lines in order. */
    static void write(String resource, String header, Map<String, String> figures) {
        StringBuilder text = new StringBuilder(header);
        figures.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        writeResource(resource, text.toString());
    }

    static void writeResource(String resource, String text) {
        Path file = Path.of(System.getProperty("runbookbot.testResources", "src/test/resources"))
                .resolve(resource);
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("re-pinned " + file.toAbsolutePath() + "; review the diff before committing");
    }
}
