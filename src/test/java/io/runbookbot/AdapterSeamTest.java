package io.runbookbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The chat adapters talk to the {@code ChatEngine} interface, never to the class {@code BotEngine},
 * so that each can be tested against a fake engine and the real one can change behind them.
 */
class AdapterSeamTest {
    private static final Path MAIN = Path.of("src", "main", "java", "io", "runbookbot");
    private static final Pattern ENGINE_CLASS = Pattern.compile("\\bBotEngine\\b");

    @Test
    void slackDiscordAndTheTerminalNameChatEngineNeverBotEngine() throws IOException {
        List<String> offenders = new ArrayList<>();
        int read = 0;
        for (String adapter : List.of("slack", "discord", "cli")) {
            try (Stream<Path> files = Files.walk(MAIN.resolve(adapter))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java"))
                        .sorted()
                        .toList()) {
                    read++;
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        if (ENGINE_CLASS.matcher(lines.get(i)).find()) {
                            offenders.add(
                                    file + ":" + (i + 1) + ": " + lines.get(i).strip());
                        }
                    }
                }
            }
        }
        assertThat(read).as("adapter sources read").isGreaterThan(20);
        assertThat(offenders).as("depend on core.chat.ChatEngine").isEmpty();
    }

    @Test
    void thePatternFindsTheClassNameAndNotLongerNames() {
        assertThat(ENGINE_CLASS
                        .matcher("public static SlackBot register(App app, BotEngine engine)")
                        .find())
                .isTrue();
        assertThat(ENGINE_CLASS
                        .matcher("import io.runbookbot.core.chat.BotEngine;")
                        .find())
                .isTrue();
        assertThat(ENGINE_CLASS.matcher("BotEngineTest").find()).isFalse();
    }
}
