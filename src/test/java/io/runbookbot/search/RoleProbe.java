package io.runbookbot.search;

import io.runbookbot.core.Answer;
import io.runbookbot.core.RunbookSection;
import io.runbookbot.search.index.RunbookIndex;
import io.runbookbot.search.index.RunbookIndexer;
import io.runbookbot.search.markdown.RunbookLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Development tool, not a test: asks the corpus's alert runbooks (an alert name, one word, as top heading,
 * with Meaning, Impact, Diagnosis and Mitigation sections) one templated question per role ("what
 * is the impact of X") and prints, per role, how often the first answer is that role's section of a
 * runbook for that alert, how often it is another section of such a runbook, and the headings shown
 * instead. The templates are plain English, not tuned; the probe shows whether section choice by
 * intent holds over some 300 alerts, where the dev sets hold a handful of such questions. Args:
 * corpus folder (default ../shared/corpus).
 */
public final class RoleProbe {
    private static final Pattern ALERT = Pattern.compile("[A-Z][A-Za-z0-9]+");
    private static final Map<String, String> TEMPLATES = Map.of(
            "Meaning", "%s firing, what does it mean?",
            "Impact", "what is the impact of %s",
            "Diagnosis", "%s alert, how do I check what is wrong",
            "Mitigation", "%s is firing, how do I fix it");

    public static void main(String[] args) {
        Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/corpus");
        try (RunbookIndex index =
                RunbookIndexer.build(new RunbookLoader().load(corpus).runbooks())) {
            Map<String, Set<String>> filesByAlert = new TreeMap<>();
            Map<String, Set<String>> headingsByFile = new TreeMap<>();
            for (RunbookSection s : index.units()) {
                if (ALERT.matcher(s.title()).matches()) {
                    filesByAlert
                            .computeIfAbsent(s.title(), a -> new TreeSet<>())
                            .add(s.file());
                    headingsByFile
                            .computeIfAbsent(s.file(), f -> new TreeSet<>())
                            .add(s.heading());
                }
            }
            LuceneRunbookSearch search = new LuceneRunbookSearch(index);
            for (String role : List.of("Meaning", "Impact", "Diagnosis", "Mitigation")) {
                int asked = 0;
                int right = 0;
                int sameRunbook = 0;
                Map<String, Integer> instead = new TreeMap<>();
                for (var alert : filesByAlert.entrySet()) {
                    Set<String> files = alert.getValue().stream()
                            .filter(f -> headingsByFile.get(f).contains(role))
                            .collect(Collectors.toSet());
                    if (files.isEmpty()) {
                        continue;
                    }
                    asked++;
                    Answer a = search.ask(String.format(TEMPLATES.get(role), alert.getKey()), 5);
                    RunbookSection shown = a.answered() && a.best().isPresent()
                            ? a.best().get().section()
                            : null;
                    if (shown != null
                            && files.contains(shown.file())
                            && shown.heading().equals(role)) {
                        right++;
                    } else if (shown != null && alert.getValue().contains(shown.file())) {
                        sameRunbook++;
                        instead.merge(shown.heading(), 1, Integer::sum);
                    } else {
                        instead.merge(shown == null ? "<no answer>" : "<other runbook>", 1, Integer::sum);
                    }
                }
                System.out.printf(
                        "%-10s asked %3d  right %.3f  same runbook, other section %.3f  instead %s%n",
                        role, asked, (double) right / asked, (double) sameRunbook / asked, instead);
            }
        }
    }
}
