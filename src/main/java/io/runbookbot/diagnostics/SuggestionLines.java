package io.runbookbot.diagnostics;

import io.runbookbot.core.CodeBlock;
import io.runbookbot.core.RunbookSection;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The command lines of a section's code blocks, and the commands in each, as
 * {@link SuggestionPattern}s see them.
 *
 * <p>A line ending in {@code \} continues on the next one. A line that starts with {@code #} is a
 * comment; {@code #} after a blank and outside quotes starts one. A leading {@code $ } prompt is
 * dropped. The line is split into commands at {@code &&}, {@code ||} and {@code ;} outside
 * quotes (not at {@code |}: a pipeline is one command), and each command loses leading
 * {@code sudo}, {@code time} and the shell words {@code if}, {@code then}, {@code else},
 * {@code do}, {@code while}, {@code until} and {@code !}. Commands inside {@code $(...)} are not
 * looked at.
 */
final class SuggestionLines {
    private static final Pattern LEADING_WORD =
            Pattern.compile("^(?:(?:sudo|time|if|then|else|do|while|until|!)(?:\\s+|$))+");

    /** A logical line of a code block: its text as written and where it is in the runbook. */
    record CommandLine(String text, int lineNumber, List<String> commands) {
        CommandLine {
            commands = List.copyOf(commands);
        }
    }

    private SuggestionLines() {}

    static List<CommandLine> of(RunbookSection section) {
        String[] shown = section.text().split("\n", -1);
        List<CommandLine> lines = new ArrayList<>();
        for (CodeBlock block : section.codeBlocks()) {
            int first = block.line() + (isFence(shown, block.line() - section.line()) ? 1 : 0);
            lines.addAll(of(block.code(), first));
        }
        return lines;
    }

    /** The logical lines of {@code code}, whose first line is line {@code firstLine} of the runbook. */
    static List<CommandLine> of(String code, int firstLine) {
        String[] physical = code.split("\n", -1);
        List<CommandLine> lines = new ArrayList<>();
        for (int i = 0; i < physical.length; i++) {
            int start = i;
            String line = physical[i].strip();
            while (line.endsWith("\\") && i + 1 < physical.length) {
                line = (line.substring(0, line.length() - 1).stripTrailing() + " " + physical[++i].strip()).strip();
            }
            List<String> commands = commands(line);
            if (!commands.isEmpty()) {
                lines.add(new CommandLine(line, firstLine + start, commands));
            }
        }
        return lines;
    }

    /** The commands of one logical line, cleaned as the class comment says. */
    static List<String> commands(String line) {
        String s = line.strip();
        if (s.startsWith("#")) {
            return List.of();
        }
        if (s.startsWith("$ ")) {
            s = s.substring(2);
        }
        List<String> commands = new ArrayList<>();
        for (String part : split(s)) {
            String command = withoutLeadingWords(part.strip());
            if (!command.isEmpty()) {
                commands.add(command);
            }
        }
        return commands;
    }

    static String withoutLeadingWords(String command) {
        return LEADING_WORD.matcher(command).replaceFirst("");
    }

    /** Splits at {@code &&}, {@code ||} and {@code ;} outside quotes; stops at a comment. */
    private static List<String> split(String s) {
        List<String> parts = new ArrayList<>();
        char quote = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(s.charAt(i - 1)))) {
                parts.add(s.substring(start, i));
                return parts;
            } else if (c == ';' || (c == '&' || c == '|') && i + 1 < s.length() && s.charAt(i + 1) == c) {
                parts.add(s.substring(start, i));
                i += c == ';' ? 0 : 1;
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    private static boolean isFence(String[] shown, int index) {
        if (index < 0 || index >= shown.length) {
            return false;
        }
        return shown[index].contains("```") || shown[index].contains("~~~");
    }
}
