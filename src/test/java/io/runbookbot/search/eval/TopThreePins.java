package io.runbookbot.search.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exact per-question pins of the keyword ranking: for every question its id, kind, the rank of the
 * first expected section in the ranking (0 when none in the first five), whether the bot answered,
 * and the first three section ids ({@code file#line}). A change that fixes some questions and breaks
 * others leaves the averages alone but shows up here, one line per question that changed.
 */
final class TopThreePins {
    static final String HEADER = "# id\tkind\tranked\tanswered\ttop1\ttop2\ttop3 (section ids file#line)\n"
            + "# Written by RetrievalRegressionTest with -Drunbookbot.repin=true; compared exactly. Do not edit.\n";

    private TopThreePins() {}

    static String tsv(EvalReport report) {
        StringBuilder out = new StringBuilder(HEADER);
        report.outcomes().forEach(o -> out.append(line(o)).append('\n'));
        return out.toString();
    }

    private static String line(Outcome o) {
        List<String> cells =
                new ArrayList<>(List.of(o.id(), o.kind(), Integer.toString(o.rankedAt()), o.answered() ? "yes" : "no"));
        cells.addAll(o.top());
        return String.join("\t", cells);
    }

    static Map<String, String> load(String resource) {
        Map<String, String> byId = new LinkedHashMap<>();
        try (InputStream in = TopThreePins.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                return byId;
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .forEach(l -> byId.put(l.substring(0, l.indexOf('\t')), l));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byId;
    }

    /**
     * The questions whose line differs from the pin, each as "id kind: fixed|broke|changed", then the
     * pinned and the measured line; ends with a count of fixed and broken questions.
     */
    static List<String> differences(Map<String, String> pinned, EvalReport report) {
        List<String> out = new ArrayList<>();
        int fixed = 0;
        int broke = 0;
        Map<String, String> seen = new LinkedHashMap<>(pinned);
        for (Outcome o : report.outcomes()) {
            String now = line(o);
            String before = seen.remove(o.id());
            if (now.equals(before)) {
                continue;
            }
            boolean wasHit = before != null && shownFirst(before);
            boolean isHit = o.shownAt() == 1;
            String change = wasHit == isHit ? "changed" : isHit ? "fixed (now hit@1)" : "broke (was hit@1)";
            fixed += !wasHit && isHit ? 1 : 0;
            broke += wasHit && !isHit ? 1 : 0;
            out.add(o.id() + " " + o.kind() + ": " + change + "\n    pinned:   " + before + "\n    measured: " + now);
        }
        seen.keySet().forEach(id -> out.add(id + ": pinned but no longer in the question set"));
        if (!out.isEmpty()) {
            out.add(out.size() + " question(s) differ: " + fixed + " fixed, " + broke + " broken at hit@1");
        }
        return out;
    }

    private static boolean shownFirst(String pinnedLine) {
        String[] cells = pinnedLine.split("\t");
        return cells.length > 3 && cells[2].equals("1") && cells[3].equals("yes");
    }
}
