package io.runbookbot.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The text searched for an alert: its name split into words ({@code KubeAPIDown} → "Kube API
 * Down"), then its {@code summary} and {@code description} (or the older {@code message}), each
 * cut to a bounded length.
 */
final class AlertQuery {
    /** Each annotation adds at most this many characters to the query. */
    static final int MAX_PART = 1000;

    private static final List<String> TEXT_ANNOTATIONS = List.of("summary", "description", "message");

    private AlertQuery() {}

    static String of(String alertName, Map<String, String> annotations) {
        List<String> parts = new ArrayList<>();
        String words = words(cut(alertName));
        if (!words.isBlank()) {
            parts.add(words);
        }
        for (String key : TEXT_ANNOTATIONS) {
            String value = annotations.get(key);
            if (value != null && !value.isBlank()) {
                parts.add(cut(value.strip()));
            }
        }
        return String.join("\n", parts);
    }

    /** CamelCase and snake_case names as words: a space before an upper-case letter that starts a word. */
    static String words(String name) {
        StringBuilder b = new StringBuilder(name.length() + 8);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '_' || c == '-' || c == ':') {
                b.append(' ');
                continue;
            }
            if (i > 0 && startsWord(name, i)) {
                b.append(' ');
            }
            b.append(c);
        }
        return b.toString().replaceAll(" +", " ").strip();
    }

    private static boolean startsWord(String s, int i) {
        char prev = s.charAt(i - 1);
        char c = s.charAt(i);
        if (Character.isUpperCase(c)) {
            boolean nextLower = i + 1 < s.length() && Character.isLowerCase(s.charAt(i + 1));
            return Character.isLowerCase(prev) || Character.isDigit(prev) || Character.isUpperCase(prev) && nextLower;
        }
        return Character.isDigit(c) && Character.isLetter(prev);
    }

    private static String cut(String s) {
        return s.length() <= MAX_PART ? s : s.substring(0, MAX_PART);
    }
}
