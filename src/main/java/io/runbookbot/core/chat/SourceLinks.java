package io.runbookbot.core.chat;

import io.runbookbot.core.RunbookSection;
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
}
