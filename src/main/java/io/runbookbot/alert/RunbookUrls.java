package io.runbookbot.alert;

import io.runbookbot.search.markdown.Runbook;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Maps an alert's {@code runbook_url} onto a runbook of the folder: first through the configured
 * {@link UrlPrefix}es (in order), then by path suffix: the runbook whose path ends with the most
 * of the URL path's trailing segments (case-insensitive, with or without {@code .md}), as long as
 * exactly one runbook matches that many. A tie is no match: which of two runbooks the URL meant
 * would be a guess. The URL's {@code #anchor} is handed back for the heading it names.
 */
final class RunbookUrls {
    /** Longer URLs are not looked at (Alertmanager's own limits are larger; real runbook URLs are short). */
    static final int MAX_URL = 2048;

    private static final List<String> INDEX_PAGES = List.of("_index", "index", "readme");

    /**
     * What a runbook_url gave.
     *
     * @param runbook the runbook it names, when exactly one
     * @param anchor  the URL's fragment, decoded and lower-cased, when it has one
     * @param reason  how it matched or why not, for the log
     */
    record Lookup(Optional<Runbook> runbook, Optional<String> anchor, String reason) {}

    private final RunbookCatalog catalog;
    private final List<UrlPrefix> prefixes;

    RunbookUrls(RunbookCatalog catalog, List<UrlPrefix> prefixes) {
        this.catalog = catalog;
        this.prefixes = List.copyOf(prefixes);
    }

    Lookup find(String url) {
        String u = url.strip();
        if (u.length() > MAX_URL) {
            return miss(Optional.empty(), "runbook_url is longer than " + MAX_URL + " characters; not used");
        }
        int hash = u.indexOf('#');
        Optional<String> anchor = hash < 0 || hash == u.length() - 1
                ? Optional.empty()
                : Optional.of(decode(u.substring(hash + 1)).toLowerCase(Locale.ROOT));
        String base = hash < 0 ? u : u.substring(0, hash);
        int query = base.indexOf('?');
        base = query < 0 ? base : base.substring(0, query);
        List<String> notes = new ArrayList<>();
        for (UrlPrefix p : prefixes) {
            Optional<String> rest = p.rest(base);
            if (rest.isPresent()) {
                Optional<Lookup> found = underPrefix(p, decode(rest.get()), anchor, notes);
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        return bySuffix(path(base), anchor, notes);
    }

    private Optional<Lookup> underPrefix(UrlPrefix p, String rest, Optional<String> anchor, List<String> notes) {
        String path = p.folder().isEmpty() ? rest : p.folder() + "/" + rest;
        List<String> tries = new ArrayList<>(List.of(path));
        if (rest.isEmpty() || rest.endsWith("/")) {
            INDEX_PAGES.forEach(i -> tries.add(path + "/" + i));
        }
        for (String t : tries) {
            List<Runbook> found = catalog.atPath(t);
            if (found.size() == 1) {
                return Optional.of(new Lookup(
                        Optional.of(found.get(0)),
                        anchor,
                        "starts with " + p.prefix() + " (folder " + shown(p.folder()) + "): "
                                + found.get(0).file()));
            }
            if (found.size() > 1) {
                notes.add("files differing only in case under " + p.prefix() + ": " + files(found));
            }
        }
        notes.add("no runbook at " + shown(path) + " for prefix " + p.prefix());
        return Optional.empty();
    }

    private Lookup bySuffix(List<String> segments, Optional<String> anchor, List<String> notes) {
        if (segments.isEmpty()) {
            return miss(anchor, join(notes, "runbook_url has no path"));
        }
        String last = segments.get(segments.size() - 1);
        int needed = INDEX_PAGES.contains(last) ? 2 : 1; // "README" alone names no runbook
        int best = 0;
        List<Runbook> bestRunbooks = new ArrayList<>();
        for (Runbook r : catalog.withStem(last)) {
            int n = commonSuffix(
                    segments, Arrays.asList(RunbookCatalog.key(r.file()).split("/")));
            if (n > best) {
                best = n;
                bestRunbooks.clear();
            }
            if (n == best) {
                bestRunbooks.add(r);
            }
        }
        String path = String.join("/", segments);
        if (best < needed || bestRunbooks.isEmpty()) {
            return miss(anchor, join(notes, "no runbook path ends with " + path));
        }
        if (bestRunbooks.size() > 1) {
            return miss(
                    anchor,
                    join(
                            notes,
                            bestRunbooks.size() + " runbooks end with the same " + best + " segment(s) of " + path
                                    + " (" + files(bestRunbooks) + "); not guessing"));
        }
        Runbook r = bestRunbooks.get(0);
        return new Lookup(Optional.of(r), anchor, join(notes, "path ends with " + best + " segment(s) of " + r.file()));
    }

    private static int commonSuffix(List<String> a, List<String> b) {
        int n = 0;
        while (n < a.size() && n < b.size() && a.get(a.size() - 1 - n).equals(b.get(b.size() - 1 - n))) {
            n++;
        }
        return n;
    }

    /** The URL's path segments, decoded, lower-cased, without extension; the whole text when it is no URL. */
    private static List<String> path(String base) {
        int scheme = base.indexOf("://");
        String path = base;
        if (scheme >= 0) {
            int slash = base.indexOf('/', scheme + 3);
            path = slash < 0 ? "" : base.substring(slash);
        }
        String key = RunbookCatalog.key(decode(path));
        return key.isEmpty()
                ? List.of()
                : Arrays.stream(key.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // a stray % : use the text as written
        }
    }

    private static Lookup miss(Optional<String> anchor, String reason) {
        return new Lookup(Optional.empty(), anchor, reason);
    }

    private static String join(List<String> notes, String last) {
        List<String> all = new ArrayList<>(notes);
        all.add(last);
        return String.join("; ", all);
    }

    private static String files(List<Runbook> runbooks) {
        return runbooks.stream().limit(3).map(Runbook::file).collect(Collectors.joining(", "))
                + (runbooks.size() > 3 ? ", ..." : "");
    }

    private static String shown(String folder) {
        return folder.isEmpty() ? "." : folder;
    }
}
