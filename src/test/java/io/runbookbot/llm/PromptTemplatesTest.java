package io.runbookbot.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptTemplatesTest {
    @TempDir
    Path dir;

    @Test
    void replacesPlaceholdersOnceWithoutExpandingPlaceholdersInValues() throws IOException {
        Files.writeString(dir.resolve("t.md"), "Q: {{question}} / {{ section }}");

        String text =
                new PromptTemplates(dir).render("t.md", Map.of("question", "why {{section}}?", "section", "$1 \\n"));

        assertThat(text).isEqualTo("Q: why {{section}}? / $1 \\n");
    }

    @Test
    void anUnknownPlaceholderIsAnErrorNamingTheFileAndTheKnownOnes() throws IOException {
        Files.writeString(dir.resolve("t.md"), "{{questoin}}");

        assertThatThrownBy(() -> new PromptTemplates(dir).render("t.md", Map.of("question", "q", "section", "s")))
                .isInstanceOf(PromptException.class)
                .hasMessage(dir.resolve("t.md") + ": unknown placeholder {{questoin}} (known: question, section)");
    }

    @Test
    void aMissingFileIsAnErrorNamingTheFile() {
        assertThatThrownBy(() -> new PromptTemplates(dir).render("gone.md", Map.of()))
                .isInstanceOf(PromptException.class)
                .hasMessage(dir.resolve("gone.md") + ": cannot read the prompt template (NoSuchFileException)");
    }

    @Test
    void anEmptyFileIsAnError() throws IOException {
        Files.writeString(dir.resolve("t.md"), "\n  \n");

        assertThatThrownBy(() -> new PromptTemplates(dir).render("t.md", Map.of()))
                .hasMessage(dir.resolve("t.md") + ": the prompt template is empty");
    }

    @Test
    void theShippedTemplatesUseOnlyKnownPlaceholders() {
        Map<String, String> values = Map.of(
                "question",
                "q",
                "title",
                "t",
                "heading",
                "h",
                "path",
                "p",
                "section",
                "s",
                "source",
                "f:1-2",
                "not_in_section",
                OllamaSummarizer.NOT_IN_SECTION);
        PromptTemplates shipped = new PromptTemplates(Path.of("prompts"));

        assertThat(shipped.render(OllamaSummarizer.SYSTEM_TEMPLATE, values)).contains("exactly NOT_IN_SECTION");
        assertThat(shipped.render(OllamaSummarizer.USER_TEMPLATE, values)).contains("<<<SECTION\ns\nSECTION>>>");
    }
}
