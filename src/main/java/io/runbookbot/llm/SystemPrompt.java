package io.runbookbot.llm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The investigation's system prompt, read from its template file on every investigation (so an
 * edit takes effect without a restart), with {@code {{max_tool_calls}}} and
 * {@code {{wall_time_seconds}}} filled in.
 */
final class SystemPrompt {
    /** Where the template lives, relative to the working directory. */
    static final Path DEFAULT_FILE = Path.of("prompts", "investigate-system.md");

    private static final Logger LOG = LoggerFactory.getLogger(SystemPrompt.class);
    private static final String FALLBACK = """
            You help an on-call engineer investigate one symptom. Use only what the tools return; never \
            invent commands, hosts or runbook sections. Search the runbooks first. Prefer read-only \
            diagnostics from list_diagnostics. You have at most {{max_tool_calls}} tool calls and \
            {{wall_time_seconds}} seconds. Finish with a short answer that cites the runbook sections \
            (file:line) and diagnostics you used, or say that the tools did not give enough.""";

    private SystemPrompt() {}

    static String render(Path template, InvestigationLimits limits) {
        return read(template)
                .replace("{{max_tool_calls}}", Integer.toString(limits.maxToolCalls()))
                .replace(
                        "{{wall_time_seconds}}",
                        Long.toString(Math.max(1, limits.wallTime().toSeconds())));
    }

    private static String read(Path template) {
        try {
            return Files.readString(template, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn(
                    "Cannot read the investigation prompt {} ({}); using the built-in one",
                    template,
                    e.getClass().getSimpleName());
            return FALLBACK;
        }
    }
}
