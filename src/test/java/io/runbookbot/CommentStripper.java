package io.runbookbot;

import java.util.ArrayList;
import java.util.List;

/**
 * Blanks out comments and the contents of string, char and text-block literals, keeping line
 * numbers, so commented-out imports and text mentioning {@code System.getenv} do not count.
 */
final class CommentStripper {
    private CommentStripper() {}

    static List<String> strip(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        boolean inBlock = false;
        boolean inTextBlock = false;
        for (String line : lines) {
            StringBuilder sb = new StringBuilder(line.length());
            int i = 0;
            while (i < line.length()) {
                char c = line.charAt(i);
                if (inBlock) {
                    if (line.startsWith("*/", i)) {
                        inBlock = false;
                        i += 2;
                    } else {
                        i++;
                    }
                } else if (inTextBlock) {
                    if (line.startsWith("\"\"\"", i)) {
                        inTextBlock = false;
                        sb.append("\"\"");
                        i += 3;
                    } else {
                        i += c == '\\' ? 2 : 1;
                    }
                } else if (line.startsWith("//", i)) {
                    break;
                } else if (line.startsWith("/*", i)) {
                    inBlock = true;
                    sb.append(' ');
                    i += 2;
                } else if (line.startsWith("\"\"\"", i)) {
                    inTextBlock = true;
                    sb.append("\"\"");
                    i += 3;
                } else if (c == '"' || c == '\'') {
                    i = skipLiteral(line, i, c);
                    sb.append(c).append(c);
                } else {
                    sb.append(c);
                    i++;
                }
            }
            out.add(sb.toString());
        }
        return out;
    }

    private static int skipLiteral(String line, int start, char quote) {
        int i = start + 1;
        while (i < line.length() && line.charAt(i) != quote) {
            i += line.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, line.length());
    }
}
