package io.runbookbot.redact;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Passwords given to a command as an option, masked where the command's own rules make the option
 * a password (and only there: {@code docker run -p 8080:80} publishes a port):
 * <ul>
 *   <li>{@code mysql -pSECRET} (and mysqldump, mysqladmin, mariadb...): attached only, since a
 *       bare {@code -p} prompts for the password;</li>
 *   <li>{@code curl -u user:SECRET}, {@code --user user:SECRET}: the part after the first colon
 *       ({@code -u user} alone prompts);</li>
 *   <li>{@code docker login -p SECRET} (podman, helm registry, buildah, skopeo, oras login too);</li>
 *   <li>{@code sshpass -p SECRET}; {@code redis-cli -a SECRET}.</li>
 * </ul>
 * {@code --password SECRET} and {@code --password=SECRET} are {@link KeyValues}' to mask.
 *
 * <p>A command's options are read up to the end of its command line: a newline not continued
 * with {@code \}, or {@code |}, {@code ;}, {@code &}; at most a {@linkplain Edits#WINDOW window}.
 */
final class CommandOptions {
    /**
     * An option whose value is a password.
     *
     * @param name     the option ({@code -p})
     * @param attached true when the value may follow the option directly ({@code -pSECRET})
     * @param separate true when the value may be the next word ({@code -p SECRET})
     */
    private record Option(String name, boolean attached, boolean separate) {}

    /**
     * Where a command's options are passwords.
     *
     * @param needles  fixed strings the command starts with
     * @param command  the command word(s), matched at a needle and followed by a blank
     * @param options  its options that take a password
     * @param userPass true when the value is {@code user:password} and only the password is secret
     */
    private record Tool(List<String> needles, Pattern command, List<Option> options, boolean userPass) {}

    private static final List<Tool> TOOLS = List.of(
            new Tool(
                    List.of("mysql", "mariadb"),
                    Pattern.compile(
                            "(?:mysql(?:dump|admin|import|check|pump|sh)?" + "|mariadb(?:-dump|-admin)?)[ \\t]"),
                    List.of(new Option("-p", true, false)),
                    false),
            new Tool(
                    List.of("curl"),
                    Pattern.compile("curl[ \\t]"),
                    List.of(
                            new Option("-u", true, true),
                            new Option("--user=", true, false),
                            new Option("--user", false, true)),
                    true),
            new Tool(List.of("login"), Pattern.compile("login[ \\t]"), List.of(new Option("-p", true, true)), false),
            new Tool(
                    List.of("sshpass"), Pattern.compile("sshpass[ \\t]"), List.of(new Option("-p", true, true)), false),
            new Tool(
                    List.of("redis-cli"),
                    Pattern.compile("redis-cli[ \\t]"),
                    List.of(new Option("-a", false, true)),
                    false));

    /** One argument: a quoted string, or a run of anything but blanks and quotes. */
    private static final Pattern ARGUMENT = Pattern.compile("'[^'\\r\\n]*+'|\"[^\"\\r\\n]*+\"|[^\\s'\"`]++");

    private CommandOptions() {}

    /** Adds an edit for every password given as an option in {@code text}. */
    static void find(String text, Edits edits) {
        Matcher argument = ARGUMENT.matcher(text).useTransparentBounds(true);
        for (Tool tool : TOOLS) {
            for (String needle : tool.needles()) {
                Edits.matches(
                        text,
                        text,
                        needle,
                        tool.command(),
                        i -> Edits.wordStart(text, i),
                        m -> options(text, m.end(), tool, argument, edits));
            }
        }
    }

    /** Masks the tool's option values from {@code pos} to the end of the command; returns that end. */
    private static int options(String text, int pos, Tool tool, Matcher argument, Edits edits) {
        int end = commandEnd(text, pos);
        int i = pos;
        while (i < end) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\\') {
                i++;
                continue;
            }
            int next = argumentEnd(text, i, end, argument);
            for (Option option : tool.options()) {
                if (text.startsWith(option.name(), i)) {
                    int v = i + option.name().length();
                    if (v < next && option.attached()) {
                        mask(text, v, next, tool, edits);
                    } else if (v == next && option.separate()) {
                        int s = skipBlanks(text, next, end);
                        if (s < end && text.charAt(s) != '-') {
                            next = argumentEnd(text, s, end, argument);
                            mask(text, s, next, tool, edits);
                        }
                    }
                    break;
                }
            }
            i = Math.max(next, i + 1);
        }
        return end;
    }

    private static void mask(String text, int start, int end, Tool tool, Edits edits) {
        int s = start;
        if (tool.userPass()) {
            int colon = text.indexOf(':', start);
            if (colon < 0 || colon >= end - 1) {
                return;
            }
            s = colon + 1;
            char quote = text.charAt(start);
            boolean quoted = (quote == '\'' || quote == '"') && text.charAt(end - 1) == quote;
            String password = text.substring(s, quoted ? end - 1 : end);
            if (!password.isEmpty() && !SecretValues.isPlaceholder(password, quote == '\'', true)) {
                edits.replace(text, s, s + password.length(), Redactor.MASK);
            }
            return;
        }
        String value = text.substring(s, end);
        edits.replace(text, s, end, SecretValues.mask(value, false, true));
    }

    /** The end of the argument at {@code i}: quoted parts and unquoted runs until a blank. */
    private static int argumentEnd(String text, int i, int end, Matcher argument) {
        int e = i;
        while (e < end && !Character.isWhitespace(text.charAt(e))) {
            argument.region(e, Edits.window(text, e));
            e = argument.lookingAt() ? argument.end() : e + 1;
        }
        return Math.min(e, text.length());
    }

    /** Where the command starting before {@code pos} ends: an unescaped newline, or |, ; or & outside quotes. */
    private static int commandEnd(String text, int pos) {
        int limit = Edits.window(text, pos);
        char quote = 0;
        for (int i = pos; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '\n' && (quote != 0 || text.charAt(i - 1) != '\\')) {
                return i;
            } else if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '|' || c == ';' || c == '&') {
                return i;
            }
        }
        return limit;
    }

    private static int skipBlanks(String text, int i, int end) {
        int s = i;
        while (s < end
                && (text.charAt(s) == ' '
                        || text.charAt(s) == '\t'
                        || text.charAt(s) == '\\'
                        || text.charAt(s) == '\n')) {
            s++;
        }
        return s;
    }
}
