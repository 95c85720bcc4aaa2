package io.runbookbot.app;

import java.util.List;
import java.util.stream.Collectors;

/** The README's settings table, generated from {@link Setting}; {@code main} prints it. */
final class SettingsMarkdown {
    static final String HEADER = "| variable | flag | commands | meaning (default) |";
    private static final List<String> COMMANDS =
            List.of("ask", "search", "eval", "bench", "run", "diagnostics", "investigate", "serve");

    private SettingsMarkdown() {}

    static String table() {
        return HEADER + "\n| --- | --- | --- | --- |\n"
                + java.util.Arrays.stream(Setting.values())
                        .map(s -> "| `" + s.variable() + "` | "
                                + s.flag()
                                        .map(f -> "`" + f + "`")
                                        .orElse("none (secret: environment, or a file named by `" + s.variable()
                                                + "_FILE`)")
                                + " | "
                                + (s.takenBy("ask") || s.takenBy("run") || s.takenBy("investigate")
                                        ? String.join(
                                                ", ",
                                                COMMANDS.stream()
                                                        .filter(s::takenBy)
                                                        .toList())
                                        : "serve")
                                + " | "
                                + s.help()
                                + s.defaultValue().map(d -> " (`" + d + "`)").orElse("") + " |")
                        .collect(Collectors.joining("\n"));
    }

    public static void main(String[] args) {
        System.out.println(table());
    }
}
