package io.runbookbot.discord;

import io.runbookbot.core.DiagnosticCommand;
import io.runbookbot.core.DiagnosticParam;
import io.runbookbot.core.chat.TextChunks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;

/**
 * What {@code /runbook run} suggests as the asker types (Discord autocomplete: at most {@value
 * #MAX} choices, names and values of at most 100 characters). For {@code check}: the checks open to
 * the asker here whose id starts with, then contains, what was typed. For {@code params}: the
 * completions of the word being typed into {@code name=value}, from the check's parameters: each
 * choice of an enumeration (but those with a space, which a name=value word cannot hold: the form
 * offers them), the bounds of an integer range, {@code name=} for free text, each with what the
 * allowlist accepts. Suggestions only: the allowlist checks whatever is sent.
 */
final class DiscordCheckChoices {
    static final int MAX = OptionData.MAX_CHOICES;
    private static final int MAX_TEXT = OptionData.MAX_CHOICE_VALUE_LENGTH;

    private DiscordCheckChoices() {}

    /** The checks matching what was typed, by id first. */
    static List<Command.Choice> checks(List<DiagnosticCommand> commands, String typed) {
        String t = typed.strip().toLowerCase(Locale.ROOT);
        List<DiagnosticCommand> starts = new ArrayList<>();
        List<DiagnosticCommand> contains = new ArrayList<>();
        for (DiagnosticCommand c : commands) {
            String id = c.id().toLowerCase(Locale.ROOT);
            if (c.id().length() > MAX_TEXT) {
                continue; // could not be sent back as a choice value
            }
            if (id.startsWith(t)) {
                starts.add(c);
            } else if (id.contains(t)
                    || c.description().toLowerCase(Locale.ROOT).contains(t)) {
                contains.add(c);
            }
        }
        starts.addAll(contains);
        return starts.stream()
                .limit(MAX)
                .map(c -> new Command.Choice(
                        TextChunks.cut(c.id() + (c.description().isBlank() ? "" : ": " + c.description()), MAX_TEXT),
                        c.id()))
                .toList();
    }

    /** Completions of the last word of {@code typed}, each the whole option value with it completed. */
    static List<Command.Choice> params(DiagnosticCommand command, String typed) {
        String text = typed.stripLeading();
        int cut = Math.max(text.lastIndexOf(' '), text.lastIndexOf('\t')) + 1;
        String head = text.substring(0, cut).strip();
        String last = text.substring(cut);
        Set<String> given = new HashSet<>();
        for (String word : head.split("\\s+")) {
            if (word.indexOf('=') > 0) {
                given.add(word.substring(0, word.indexOf('=')));
            }
        }
        List<String[]> completions = new ArrayList<>(); // {completion, what it accepts}
        int eq = last.indexOf('=');
        if (eq > 0) {
            find(command, last.substring(0, eq))
                    .ifPresent(p -> values(p, last.substring(eq + 1))
                            .forEach(v -> completions.add(new String[] {p.name() + "=" + v, p.accepts()})));
        } else {
            for (DiagnosticParam p : command.params()) {
                if (!given.contains(p.name()) && p.name().startsWith(last)) {
                    values(p, "").forEach(v -> completions.add(new String[] {p.name() + "=" + v, p.accepts()}));
                }
            }
        }
        List<Command.Choice> out = new ArrayList<>();
        for (String[] c : completions) {
            String value = head.isEmpty() ? c[0] : head + " " + c[0];
            if (value.length() <= MAX_TEXT && out.size() < MAX) {
                out.add(new Command.Choice(TextChunks.cut(value + "  (" + c[1] + ")", MAX_TEXT), value));
            }
        }
        return out;
    }

    /** The values to suggest for {@code p} when {@code partial} has been typed after its {@code =}. */
    private static List<String> values(DiagnosticParam p, String partial) {
        return switch (p.kind()) {
            // a value with a space cannot be written as name=value (the form's select offers it)
            case CHOICE ->
                p.choices().stream()
                        .filter(v -> v.startsWith(partial) && v.chars().noneMatch(Character::isWhitespace))
                        .toList();
            case INTEGER ->
                inRange(p, partial)
                        ? List.of(partial)
                        : List.of(Long.toString(p.min()), Long.toString(p.max())).stream()
                                .distinct()
                                .filter(v -> v.startsWith(partial))
                                .toList();
            case TEXT, PATH -> List.of(partial);
        };
    }

    private static boolean inRange(DiagnosticParam p, String partial) {
        if (partial.isEmpty() || partial.length() > 18 || !partial.chars().allMatch(Character::isDigit)) {
            return false;
        }
        long n = Long.parseLong(partial);
        return n >= p.min() && n <= p.max();
    }

    private static Optional<DiagnosticParam> find(DiagnosticCommand command, String name) {
        return command.params().stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
