package io.runbookbot.agent.allowlist;

import java.util.Optional;

/**
 * The checks every parameter value goes through before its type's own check.
 */
final class ValueChecks {
    /** Longest value any parameter accepts. */
    static final int MAX_LENGTH = 256;
    /** Characters a shell, a glob or an option parser could give meaning to. */
    static final String FORBIDDEN = ";|&$`<>(){}[]*?!~'\"\\#";

    private ValueChecks() {}

    /** Non-empty, within {@code maxLength}, no control or invisible formatting characters. */
    static Optional<String> basic(String name, String value, int maxLength) {
        if (value.isEmpty()) {
            return Optional.of(name + ": must not be empty");
        }
        if (value.length() > maxLength) {
            return Optional.of(name + ": too long (" + value.length() + " characters, at most " + maxLength + ")");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isControlOrFormat(c)) {
                return Optional.of(name + ": contains a control character (" + Echo.escape(c) + ")");
            }
        }
        return Optional.empty();
    }

    /**
     * {@link #basic} plus: no leading {@code -} (option injection), printable ASCII only (no
     * whitespace, no look-alike unicode) and none of {@link #FORBIDDEN}.
     */
    static Optional<String> strict(String name, String value, int maxLength) {
        Optional<String> basic = basic(name, value, maxLength);
        if (basic.isPresent()) {
            return basic;
        }
        if (value.startsWith("-")) {
            return Optional.of(name + ": must not start with '-' (it would be read as an option)");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return Optional.of(name + ": contains a character that is not allowed ("
                        + (c == ' ' ? "space" : Echo.escape(c)) + "); only printable ASCII without spaces");
            }
            if (FORBIDDEN.indexOf(c) >= 0) {
                return Optional.of(name + ": contains a character that is not allowed (" + c + ")");
            }
        }
        return Optional.empty();
    }

    static boolean isControlOrFormat(char c) {
        int type = Character.getType(c);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
