package io.runbookbot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.util.json.GsonFactory;
import io.runbookbot.core.Confidence;
import io.runbookbot.core.DiagnosticSuggestion;
import io.runbookbot.core.RunbookSection;
import io.runbookbot.core.SectionHit;
import io.runbookbot.core.chat.BotReply;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/** Answers, hits and block readers shared by the Slack formatter tests. */
final class SlackAnswers {
    static final String URL = "https://git.example.com/ops/runbooks/blob/main/db.md#L10";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SlackAnswers() {}

    static String longSection(int size) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < size; i++) {
            text.append("Paragraph ")
                    .append(i)
                    .append(" explains **why** the pool fills up. ".repeat(4))
                    .append("\n\n");
            text.append("```bash\n")
                    .append(("psql -c 'select " + i + "'\n").repeat(12))
                    .append("```\n\n");
        }
        return text.toString();
    }

    static BotReply.SectionAnswer answer(String text, Optional<String> url, List<DiagnosticSuggestion> s) {
        return new BotReply.SectionAnswer(
                "too many clients",
                0,
                hit("Too Many Connections", 10, text),
                List.of(hit("Pooling", 40, "")),
                s,
                url,
                Confidence.HIGH);
    }

    static SectionHit hit(String heading, int line, String text) {
        return new SectionHit(
                new RunbookSection(
                        "db.md",
                        "DB",
                        heading,
                        List.of("DB", heading),
                        3,
                        line,
                        900,
                        "### " + heading + "\n" + text,
                        List.of()),
                1.0);
    }

    static JsonNode blocks(SlackMessage message) throws Exception {
        return JSON.readTree(GsonFactory.createSnakeCase().toJson(message.blocks()));
    }

    static List<String> sectionTexts(JsonNode blocks) {
        List<String> texts = new ArrayList<>();
        blocks.forEach(b -> {
            if (b.path("type").asText().equals("section")) {
                texts.add(b.path("text").path("text").asText());
            }
        });
        return texts;
    }

    static JsonNode find(JsonNode blocks, String type) {
        return StreamSupport.stream(blocks.spliterator(), false)
                .filter(b -> b.path("type").asText().equals(type))
                .findFirst()
                .orElseThrow();
    }

    static int fences(String text) {
        return text.split("```", -1).length - 1;
    }
}
