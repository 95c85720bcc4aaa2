package io.runbookbot.alert;

import io.runbookbot.search.markdown.Runbook;
import io.runbookbot.search.markdown.RunbookHeading;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The runbooks of a folder looked up the ways an alert names them: by path (case-insensitive,
 * with or without the file extension), by the last path segment, and by exact name (file stem,
 * title, or first level-1 heading, the latter also without a trailing {@code [Deprecated]}-style
 * tag). Lists keep the folder's order (by path), so every lookup is deterministic.
 */
final class RunbookCatalog {
    private static final List<String> EXTENSIONS = List.of(".md", ".markdown", ".txt");

    private final Map<String, List<Runbook>> byPath = new HashMap<>();
    private final Map<String, List<Runbook>> byStem = new HashMap<>();
    private final Map<String, List<Runbook>> byExactStem = new HashMap<>();
    private final Map<String, List<Runbook>> byName = new HashMap<>();

    RunbookCatalog(List<Runbook> runbooks) {
        for (Runbook r : runbooks) {
            String key = key(r.file());
            byPath.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            byStem.computeIfAbsent(lastSegment(key), k -> new ArrayList<>()).add(r);
            byExactStem.computeIfAbsent(stem(r.file()), k -> new ArrayList<>()).add(r);
            for (String name : names(r)) {
                byName.computeIfAbsent(name, k -> new ArrayList<>()).add(r);
            }
        }
    }

    /** The runbooks at {@code path} (a relative path, any case, with or without extension). */
    List<Runbook> atPath(String path) {
        return byPath.getOrDefault(key(path), List.of());
    }

    /** The runbooks whose last path segment, lower-cased and without extension, is {@code stem}. */
    List<Runbook> withStem(String stem) {
        return byStem.getOrDefault(stem, List.of());
    }

    /**
     * The runbooks named exactly {@code name}: those whose file stem it is, else those whose title or
     * first level-1 heading it is (a file's name is the stronger claim: a heading copied from another
     * runbook happens, two files of one name in one folder cannot).
     */
    List<Runbook> named(String name) {
        List<Runbook> files = byExactStem.getOrDefault(name, List.of());
        return !files.isEmpty() ? files : byName.getOrDefault(name, List.of());
    }

    /** The names a runbook answers to, exactly as written. */
    static Set<String> names(Runbook r) {
        Set<String> names = new LinkedHashSet<>();
        names.add(stem(r.file()));
        names.add(r.title().strip());
        firstTopHeading(r).ifPresent(h -> {
            names.add(h);
            names.add(withoutTag(h));
        });
        names.remove("");
        return names;
    }

    /** The file name without folder and extension, as written. */
    static String stem(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return withoutExtension(name);
    }

    /** A path's lookup key: lower case, {@code /} separators, no leading or trailing {@code /}, no extension. */
    static String key(String path) {
        String p = path.replace('\\', '/').toLowerCase(Locale.ROOT);
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return withoutExtension(p);
    }

    static String lastSegment(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    private static String withoutExtension(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String ext : EXTENSIONS) {
            if (lower.endsWith(ext) && name.length() > ext.length()) {
                return name.substring(0, name.length() - ext.length());
            }
        }
        return name;
    }

    private static Optional<String> firstTopHeading(Runbook r) {
        return r.headings().stream()
                .filter(h -> h.level() == 1)
                .map(RunbookHeading::text)
                .map(String::strip)
                .findFirst();
    }

    /** "KubevirtVmHighMemoryUsage [Deprecated]" without its bracketed tag. */
    private static String withoutTag(String heading) {
        if (heading.endsWith("]")) {
            int open = heading.lastIndexOf('[');
            if (open > 0) {
                return heading.substring(0, open).strip();
            }
        }
        return heading;
    }
}
