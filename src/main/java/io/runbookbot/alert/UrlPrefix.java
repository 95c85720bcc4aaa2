package io.runbookbot.alert;

import java.util.Objects;

/**
 * Where the runbooks behind a {@code runbook_url} prefix live in the runbooks folder: an alert whose
 * {@code runbook_url} starts with {@code prefix} (compared case-insensitively) names the file at
 * {@code folder} + the rest of the URL's path, with or without {@code .md}.
 *
 * <p>Example: {@code https://runbooks.prometheus-operator.dev/runbooks/} →
 * {@code prometheus-operator__runbooks/content/runbooks}, so
 * {@code .../runbooks/node/nodefilesystemspacefillingup} is
 * {@code prometheus-operator__runbooks/content/runbooks/node/NodeFilesystemSpaceFillingUp.md}.
 *
 * @param prefix the start of the URLs, e.g. {@code https://github.com/openshift/runbooks/blob/master/}
 * @param folder a folder relative to the runbooks folder, {@code /} separators; empty for the folder itself
 */
public record UrlPrefix(String prefix, String folder) {
    public UrlPrefix {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(folder, "folder");
        if (prefix.isBlank()) {
            throw new IllegalArgumentException("runbook_url prefix is empty");
        }
        String f = folder.replace('\\', '/');
        if (f.startsWith("/") || f.equals("..") || f.startsWith("../") || f.contains("/../") || f.endsWith("/..")) {
            throw new IllegalArgumentException("runbook folder for prefix " + prefix
                    + " must be relative to the runbooks folder, without ..: " + folder);
        }
        folder = f;
    }

    /** The rest of {@code url} after this prefix, when it starts with it (any case). */
    java.util.Optional<String> rest(String url) {
        return url.regionMatches(true, 0, prefix, 0, prefix.length())
                ? java.util.Optional.of(url.substring(prefix.length()))
                : java.util.Optional.empty();
    }

    /**
     * Prefixes from one setting value: {@code PREFIX=FOLDER} pairs separated by commas (the folder is
     * after the last {@code =}), in order of preference; blank gives none.
     *
     * @throws IllegalArgumentException naming the pair that is not {@code PREFIX=FOLDER}
     */
    public static java.util.List<UrlPrefix> parseList(String value) {
        java.util.List<UrlPrefix> prefixes = new java.util.ArrayList<>();
        for (String pair : value.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.lastIndexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("runbook_url prefix \"" + pair.strip()
                        + "\" is not PREFIX=FOLDER (e.g." + " https://runbooks.example.com/=team-runbooks)");
            }
            prefixes.add(new UrlPrefix(
                    pair.substring(0, eq).strip(), pair.substring(eq + 1).strip()));
        }
        return java.util.List.copyOf(prefixes);
    }
}
