package io.runbookbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.core.Confidence;
import io.runbookbot.core.DiagnosticSuggestion;
import io.runbookbot.core.RunbookSection;
import io.runbookbot.core.SectionHit;
import io.runbookbot.core.chat.BotReply;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/** Answers, hits and message readers shared by the Discord formatter tests (no JDA session). */
final class DiscordReplies {
    private DiscordReplies() {}

    static BotReply.SectionAnswer answer(String text, List<DiagnosticSuggestion> suggestions, Optional<String> url) {
        RunbookSection shown = new RunbookSection(
                "ops/database.md",
                "Guide",
                "Too Many Connections",
                List.of("Guide", "Database", "Too Many Connections"),
                4,
                10,
                40,
                text,
                List.of());
        return new BotReply.SectionAnswer(
                "q",
                0,
                new SectionHit(shown, 9.5),
                List.of(hit("Redis", "Max Clients", "ops/redis.md", 5)),
                suggestions,
                url,
                Confidence.HIGH);
    }

    static SectionHit hit(String parent, String heading, String file, int line) {
        return new SectionHit(
                new RunbookSection(
                        file,
                        "Guide",
                        heading,
                        List.of("Guide", parent, heading),
                        3,
                        line,
                        line + 5,
                        "text",
                        List.of()),
                1.0);
    }

    /** About 10,000 characters: paragraphs and code blocks, one code block longer than a message. */
    static String longText() {
        StringBuilder text = new StringBuilder("#### Too Many Connections\n\n");
        for (int i = 0; text.length() < 10_000; i++) {
            text.append("Paragraph ")
                    .append(i)
                    .append(": check the pool size and idle clients before you restart.\n\n");
            text.append("```sql\n")
                    .append("SELECT count(*) FROM pg_stat_activity; -- step ")
                    .append(i)
                    .append('\n')
                    .append(i == 20 ? "SELECT 1;\n".repeat(300) : "")
                    .append("```\n\n");
        }
        return text.toString();
    }

    static int fences(String text) {
        Matcher m = Pattern.compile("(?m)^```").matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    static MessageCreateData single(List<MessageCreateData> messages) {
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    static List<Button> buttons(MessageCreateData message) {
        return message.getComponents().stream()
                .flatMap(c -> c.asActionRow().getButtons().stream())
                .toList();
    }
}
