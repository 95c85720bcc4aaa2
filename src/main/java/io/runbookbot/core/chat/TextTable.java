package io.runbookbot.core.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * A GitHub-flavoured Markdown table (a header row, a delimiter row of dashes, body rows) as an
 * aligned code block: chat clients show Markdown tables as raw pipes, which are unreadable on a
 * phone, while a code block keeps its columns. Cells are split on pipes that are neither escaped
 * ({@code \|}) nor inside a code span; inline markup ({@code `code`}, {@code **bold**}) is dropped
 * from cells, their words are kept as written.
 */
final class TextTable {
    /** Rows beyond this are left as written (a table that long is not read on a phone anyway). */
    private static final int MAX_ROWS = 200;
    /** Wider cells are not padded further; the column then simply runs ragged. */
    private static final int MAX_WIDTH = 40;

    private TextTable() {}

    /** The index after the table that starts at {@code from}, or {@code from} when none starts there. */
    static int end(String[] lines, int from) {
        if (from + 1 >= lines.length || lines[from].indexOf('|') < 0 || !isDelimiter(lines[from + 1])) {
            return from;
        }
        int columns = cells(lines[from]).size();
        if (columns < 2 || cells(lines[from + 1]).size() != columns) {
            return from;
        }
        int end = from + 2;
        while (end < lines.length && end - from < MAX_ROWS && !lines[end].isBlank() && lines[end].indexOf('|') >= 0) {
            end++;
        }
        return end;
    }

    /** The table's rows (header, delimiter, body) as a fenced code block with aligned columns. */
    static List<String> aligned(List<String> rows) {
        List<List<String>> table = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (i != 1) {
                table.add(cells(rows.get(i)).stream().map(TextTable::plain).toList());
            }
        }
        int columns = table.get(0).size();
        int[] width = new int[columns];
        for (List<String> row : table) {
            for (int c = 0; c < Math.min(columns, row.size()); c++) {
                width[c] = Math.min(MAX_WIDTH, Math.max(width[c], row.get(c).length()));
            }
        }
        boolean backticks = table.stream().flatMap(List::stream).anyMatch(c -> c.contains("```"));
        String fence = backticks ? "~~~" : "```";
        List<String> out = new ArrayList<>();
        out.add(fence);
        for (int r = 0; r < table.size(); r++) {
            out.add(line(table.get(r), width));
            if (r == 0) {
                List<String> rule = new ArrayList<>();
                for (int w : width) {
                    rule.add("-".repeat(Math.max(1, w)));
                }
                out.add(line(rule, width));
            }
        }
        out.add(fence);
        return out;
    }

    private static String line(List<String> row, int[] width) {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < row.size(); c++) {
            String cell = row.get(c);
            b.append(cell);
            if (c < row.size() - 1) {
                b.append(" ".repeat(Math.max(0, (c < width.length ? width[c] : 0) - cell.length()) + 2));
            }
        }
        return b.toString().stripTrailing();
    }

    /** A delimiter row: cells of dashes with optional colons, e.g. {@code |---|:--:|}. */
    static boolean isDelimiter(String line) {
        List<String> cells = cells(line);
        if (cells.isEmpty()) {
            return false;
        }
        for (String cell : cells) {
            String c = cell.strip();
            int a = c.startsWith(":") ? 1 : 0;
            int b = c.endsWith(":") && c.length() > 1 ? c.length() - 1 : c.length();
            if (a >= b) {
                return false;
            }
            for (int i = a; i < b; i++) {
                if (c.charAt(i) != '-') {
                    return false;
                }
            }
        }
        return true;
    }

    /** The cells of a row: split on unescaped pipes outside code spans, outer pipes dropped. */
    static List<String> cells(String line) {
        String t = line.strip();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean code = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\\' && i + 1 < t.length() && t.charAt(i + 1) == '|') {
                cell.append('|');
                i++;
            } else if (c == '`') {
                code = !code;
                cell.append(c);
            } else if (c == '|' && !code) {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip());
        if (t.startsWith("|")) {
            cells.remove(0);
        }
        if (t.endsWith("|") && !t.endsWith("\\|") && !cells.isEmpty()) {
            cells.remove(cells.size() - 1);
        }
        return cells;
    }

    /** A cell without inline markup: backticks and bold/italic markers dropped, words kept. */
    private static String plain(String cell) {
        StringBuilder b = new StringBuilder(cell.length());
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            boolean marker = c == '`' || (c == '*' && (next(cell, i) == '*' || previous(cell, i) == '*'));
            if (!marker) {
                b.append(c);
            }
        }
        return b.toString().replace("<br>", " ").replace("<br/>", " ").strip();
    }

    private static char next(String s, int i) {
        return i + 1 < s.length() ? s.charAt(i + 1) : ' ';
    }

    private static char previous(String s, int i) {
        return i > 0 ? s.charAt(i - 1) : ' ';
    }
}
