package io.runbookbot.alert;

import io.runbookbot.search.IndexedRunbooks;
import io.runbookbot.search.SharedIndexes;
import io.runbookbot.search.markdown.Runbook;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Alert → runbook quality over the shared corpus (issue 13): for every alert-named runbook of
 * prometheus-operator and OpenShift, an alert carrying only its name, separately only its
 * {@code runbook_url}, and separately only a summary and description, must map to that runbook.
 *
 * <p>The URL is the one the real rules give: {@code https://runbooks.prometheus-operator.dev/runbooks/<group>/<lowercase name>}
 * (kube-prometheus) and {@code https://github.com/openshift/runbooks/blob/master/alerts/<operator>/<Name>.md}
 * (cluster-monitoring-operator). The summary and description are the real rules' own annotations
 * ({@code src/test/resources/alert/real-alert-rules.tsv}: kube-prometheus and OpenShift's
 * cluster-monitoring-operator), their Go templates rendered mechanically ({@code {{ $labels.pod }}} →
 * "pod", anything else in braces dropped); only alerts of a runbook whose source ships a rule for it are
 * asked. A second, broader search figure asks every runbook with the first sentence of its own
 * Meaning section as the description, the alert's name and any word equal to it removed (no heading
 * text): an optimistic bound, since a rule's description is usually terser than a runbook's Meaning.
 *
 * <p>Run: {@code mvn -o -q test -Dtest=AlertQualityTest} (prints the figures).
 */
final class AlertQuality {
    static final String PROM_OP = "prometheus-operator__runbooks/";
    static final String OPENSHIFT = "openshift__runbooks/";
    static final UrlPrefix PROM_OP_URLS =
            new UrlPrefix("https://runbooks.prometheus-operator.dev/runbooks/", PROM_OP + "content/runbooks");
    static final UrlPrefix OPENSHIFT_URLS =
            new UrlPrefix("https://github.com/openshift/runbooks/blob/master/", OPENSHIFT.replace("/", ""));

    private static final Pattern ALERT_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
    private static final Pattern LABEL =
            Pattern.compile("\\{\\{-?\\s*\\$labels\\.([A-Za-z_][A-Za-z0-9_]*)\\s*-?\\}\\}");
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{[^{}]{0,200}\\}\\}");

    /** A count out of a total. */
    record Rate(int hits, int total) {
        double percent() {
            return total == 0 ? 0 : 100.0 * hits / total;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d/%d (%.1f %%)", hits, total, percent());
        }
    }

    /**
     * @param byUrl            runbook_url only, prefixes configured
     * @param byUrlSuffixOnly  runbook_url only, no prefix configured (path-suffix matching alone)
     * @param byName           name only, the runbook's own source listed first (as its deployment would)
     * @param byNameFixedOrder name only, one configuration for both (prometheus-operator first)
     * @param searchReal       real rule summary/description only: the exact runbook
     * @param searchRealAlert  the same, counting the other source's runbook for the same alert as right
     * @param searchRealWrong  the same, a runbook of another alert shown (the rest abstained)
     * @param searchMeaning    Meaning-sentence description only: the exact runbook
     * @param searchMeaningWrong the same, a runbook of another alert shown
     */
    record Figures(
            int runbooks,
            Rate byUrl,
            Rate byUrlSuffixOnly,
            Rate byName,
            Rate byNameFixedOrder,
            Rate searchReal,
            Rate searchRealAlert,
            Rate searchRealWrong,
            Rate searchMeaning,
            Rate searchMeaningWrong,
            List<String> misses) {
        String table() {
            return String.join(
                    "\n",
                    "alert-named runbooks (prometheus-operator + OpenShift): " + runbooks,
                    "by runbook_url, prefixes configured:            " + byUrl,
                    "by runbook_url, path suffix alone:              " + byUrlSuffixOnly,
                    "by name, own source first:                      " + byName,
                    "by name, one order (prometheus-operator first): " + byNameFixedOrder,
                    "search alone, real rule summary+description:    " + searchReal + " exact runbook, "
                            + searchRealAlert + " a runbook of that alert, " + searchRealWrong
                            + " another alert's (rest: no runbook, abstained)",
                    "search alone, Meaning sentence as description:  " + searchMeaning + " exact runbook, "
                            + searchMeaningWrong + " another alert's (rest abstained)");
        }
    }

    private AlertQuality() {}

    static Figures measure(IndexedRunbooks corpus, Map<String, Map<String, String>> realRules) {
        List<Runbook> named = alertNamed(corpus.runbooks());
        AlertSections promFirst = new AlertSections(corpus.runbooks(), corpus, List.of(PROM_OP_URLS, OPENSHIFT_URLS));
        AlertSections openshiftFirst =
                new AlertSections(corpus.runbooks(), corpus, List.of(OPENSHIFT_URLS, PROM_OP_URLS));
        AlertSections suffixOnly = new AlertSections(corpus.runbooks(), corpus, List.of());
        int url = 0, suffix = 0, name = 0, nameFixed = 0;
        int real = 0, realAlert = 0, realWrong = 0, realTotal = 0, meaning = 0, meaningWrong = 0;
        List<String> misses = new ArrayList<>();
        for (Runbook r : named) {
            String stem = RunbookCatalog.stem(r.file());
            AlertSections own = r.file().startsWith(PROM_OP) ? promFirst : openshiftFirst;
            Map<String, String> urlOnly = Map.of("runbook_url", realUrl(r));
            url += count(own.match("", Map.of(), urlOnly), AlertMatch.Method.RUNBOOK_URL, r, misses, "url");
            suffix +=
                    count(suffixOnly.match("", Map.of(), urlOnly), AlertMatch.Method.RUNBOOK_URL, r, misses, "suffix");
            name += count(own.match(stem, Map.of(), Map.of()), AlertMatch.Method.NAME, r, misses, "name");
            nameFixed += count(promFirst.match(stem, Map.of(), Map.of()), AlertMatch.Method.NAME, r, List.of(), "");
            Map<String, String> rule = realRules.get(source(r) + "\t" + stem);
            if (rule != null) {
                realTotal++;
                Map<String, String> text = Map.of(
                        "summary", rendered(rule.get("summary")), "description", rendered(rule.get("description")));
                Found found = found(own.match("", Map.of(), text), r, misses, "search (rule)");
                real += found == Found.EXACT ? 1 : 0;
                realAlert += found != Found.OTHER_ALERT && found != Found.NOTHING ? 1 : 0;
                realWrong += found == Found.OTHER_ALERT ? 1 : 0;
            }
            Optional<String> sentence = ActionableSections.meaning(r).map(s -> withoutName(s, r));
            if (sentence.isPresent()) {
                Found found = found(own.match("", Map.of(), Map.of("description", sentence.get())), r, misses, "");
                meaning += found == Found.EXACT ? 1 : 0;
                meaningWrong += found == Found.OTHER_ALERT ? 1 : 0;
            }
        }
        int n = named.size();
        return new Figures(
                n,
                new Rate(url, n),
                new Rate(suffix, n),
                new Rate(name, n),
                new Rate(nameFixed, n),
                new Rate(real, realTotal),
                new Rate(realAlert, realTotal),
                new Rate(realWrong, realTotal),
                new Rate(meaning, n),
                new Rate(meaningWrong, n),
                misses);
    }

    /** What a search-alone match found for runbook r. */
    enum Found {
        EXACT,
        SAME_ALERT,
        OTHER_ALERT,
        NOTHING
    }

    private static Found found(AlertMatch m, Runbook r, List<String> misses, String what) {
        String stem = RunbookCatalog.stem(r.file());
        Found found = m.file()
                .map(f -> f.equals(r.file())
                        ? Found.EXACT
                        : RunbookCatalog.stem(f).equals(stem) ? Found.SAME_ALERT : Found.OTHER_ALERT)
                .orElse(Found.NOTHING);
        if (found == Found.OTHER_ALERT && !what.isEmpty()) {
            misses.add(what + " wrong for " + r.file() + ": " + m.why());
        }
        return found;
    }

    private static int count(AlertMatch m, AlertMatch.Method method, Runbook r, List<String> misses, String what) {
        boolean hit = m.method() == method && m.file().filter(r.file()::equals).isPresent();
        if (!hit && !what.isEmpty()) {
            misses.add(what + " miss " + r.file() + ": " + m.why());
        }
        return hit ? 1 : 0;
    }

    /** The corpus' alert runbooks: named like an alert, not a Hugo {@code _index}, README or ODF helper page. */
    static List<Runbook> alertNamed(List<Runbook> runbooks) {
        return runbooks.stream()
                .filter(r -> r.file().startsWith(PROM_OP) || r.file().startsWith(OPENSHIFT))
                .filter(r -> !r.file().contains("/helpers/"))
                .filter(r -> {
                    String stem = RunbookCatalog.stem(r.file());
                    return ALERT_NAME.matcher(stem).matches() && !stem.equalsIgnoreCase("readme");
                })
                .toList();
    }

    /** The runbook_url the source's real rules carry for this runbook. */
    static String realUrl(Runbook r) {
        if (r.file().startsWith(PROM_OP)) {
            String rest = r.file().substring((PROM_OP + "content/runbooks/").length());
            return PROM_OP_URLS.prefix() + RunbookCatalog.key(rest);
        }
        return OPENSHIFT_URLS.prefix() + r.file().substring(OPENSHIFT.length());
    }

    private static String source(Runbook r) {
        return r.file().startsWith(PROM_OP) ? "kube-prometheus" : "cluster-monitoring-operator";
    }

    /** {@code {{ $labels.pod }}} → "pod"; any other template text dropped. */
    static String rendered(String template) {
        String labels = LABEL.matcher(template).replaceAll("$1");
        return TEMPLATE.matcher(labels).replaceAll("").replaceAll(" +", " ").strip();
    }

    /** The sentence without the alert's name (stem or first heading) and without any word containing it. */
    private static String withoutName(String sentence, Runbook r) {
        List<String> names = RunbookCatalog.names(r).stream()
                .filter(n -> ALERT_NAME.matcher(n).matches())
                .map(n -> n.toLowerCase(Locale.ROOT))
                .toList();
        StringBuilder b = new StringBuilder();
        for (String word : sentence.split(" ")) {
            String w = word.toLowerCase(Locale.ROOT);
            if (names.stream().noneMatch(w::contains)) {
                b.append(word).append(' ');
            }
        }
        return b.toString().strip();
    }

    /** {@code source \t alert} → its annotations, from the real-rules TSV. */
    static Map<String, Map<String, String>> realRules(Path tsv) {
        Map<String, Map<String, String>> rules = new HashMap<>();
        try {
            for (String line : Files.readAllLines(tsv)) {
                if (line.startsWith("#") || line.startsWith("source\t") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                rules.put(f[0] + "\t" + f[1], Map.of("summary", f[2], "description", f[3], "runbook_url", f[4]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rules;
    }

    public static void main(String[] args) {
        Figures f = measure(
                SharedIndexes.of("corpus"), realRules(Path.of("src/test/resources/alert/real-alert-rules.tsv")));
        System.out.println(f.table());
        f.misses().forEach(System.out::println);
    }
}
