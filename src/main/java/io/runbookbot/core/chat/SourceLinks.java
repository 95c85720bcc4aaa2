package io.runbookbot.core.chat;

import io.runbookbot.core.RunbookSection;
import java.net.URI;
import java.util.Optional;

/**
 * Links to a section in the runbooks' repository, from a template such as
 * {@code https://git.example.com/ops/runbooks/blob/main/{file}#L{line}}. Placeholders:
 * {@code {file}}, {@code {line}}, {@code {end_line}}.
 */
public record SourceLinks(String template) {
    public static final SourceLinks NONE = new SourceLinks("");

    public Optional<String> of(RunbookSection section) {
        if (template.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(template.replace("{file}", section.file())
                .replace("{line}", Integer.toString(section.line()))
                .replace("{end_line}", Integer.toString(section.endLine())));
    }

    /**
     * The address of a runbook file itself, against which its relative links resolve: the template up
     * to {@code {file}}, then the file. Empty without a template, or when the template does not name
     * the file or is not an http(s) URL.
     */
    public Optional<URI> fileUrl(String file) {
        int at = template.indexOf("{file}");
        if (at < 0) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(template.substring(0, at) + RelativeLinks.encode(file));
            boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
            return web && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
