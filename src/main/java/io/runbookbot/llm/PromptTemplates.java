package io.runbookbot.llm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prompt templates in a folder ({@code prompts/} by default), read again on every use so that an
 * edited template takes effect with the next question, without a restart. A template is plain text
 * with {@code {{name}}} placeholders; the values are inserted as they are, in one pass, so a value
 * that itself contains {@code {{...}}} (a runbook section can) is never expanded. Thread-safe.
 */
public final class PromptTemplates {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

    private final Path folder;

    public PromptTemplates(Path folder) {
        this.folder = Objects.requireNonNull(folder, "folder");
    }

    public Path folder() {
        return folder;
    }

    /**
     * The template {@code name} with its placeholders replaced.
     *
     * @throws PromptException naming the file, when it cannot be read, is empty, or uses a
     *                         placeholder that {@code values} does not define
     */
    public String render(String name, Map<String, String> values) {
        Path file = folder.resolve(name);
        String template = read(file);
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 1024);
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new PromptException(file + ": unknown placeholder {{" + m.group(1) + "}} (known: "
                        + String.join(", ", new TreeSet<>(values.keySet())) + ")");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PromptException(
                    file + ": cannot read the prompt template (" + e.getClass().getSimpleName() + ")");
        }
        if (text.isBlank()) {
            throw new PromptException(file + ": the prompt template is empty");
        }
        return text;
    }
}
