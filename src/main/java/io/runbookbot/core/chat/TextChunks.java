package io.runbookbot.core.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts Markdown into pieces that fit a platform's limits (Slack: 3,000 characters per section
 * block; Discord: 2,000 per message, 4,096 per embed description) at paragraph boundaries,
 * never inside a code block: a code block too long for one piece is split at line boundaries and
 * each part gets its own fences. A single line longer than the limit is the only thing ever cut
 * mid-line.
 */
public final class TextChunks {
    private TextChunks() {}

    /** Pieces of at most {@code limit} characters, in order, that together hold the whole text. */
    public static List<String> split(String markdown, int limit) {
        if (limit < 40) {
            throw new IllegalArgumentException("limit too small: " + limit);
        }
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String block : blocks(markdown)) {
            for (String part : fit(block, limit)) {
                if (current.length() > 0 && current.length() + 2 + part.length() > limit) {
                    pieces.add(current.toString());
                    current.setLength(0);
                }
                current.append(current.length() > 0 ? "\n\n" : "").append(part);
            }
        }
        if (current.length() > 0 || pieces.isEmpty()) {
            pieces.add(current.toString());
        }
        return pieces;
    }

    /**
     * The first piece of the text within {@code limit}, with {@code more} appended when the rest
     * was left out (e.g. "… full section: <link>").
     */
    /** {@code text}, or its first {@code max - 1} characters and "…". */
    public static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, Math.max(0, max - 1)) + "…";
    }

    public static String head(String markdown, int limit, String more) {
        List<String> pieces = split(markdown, limit - more.length() - 2);
        return pieces.size() == 1 ? pieces.get(0) : pieces.get(0) + "\n\n" + more;
    }

    /** Paragraphs and whole code blocks, in order. */
    static List<String> blocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = new StringBuilder();
        String fence = null;
        for (String line : markdown.split("\n", -1)) {
            String t = line.strip();
            if (fence == null && t.isEmpty()) {
                flush(blocks, block);
                continue;
            }
            if (fence == null && (t.startsWith("```") || t.startsWith("~~~"))) {
                flush(blocks, block);
                fence = t.substring(0, 3);
            } else if (fence != null && t.startsWith(fence)) {
                block.append(line);
                flush(blocks, block);
                fence = null;
                continue;
            }
            block.append(line).append('\n');
        }
        flush(blocks, block);
        return blocks;
    }

    private static void flush(List<String> blocks, StringBuilder block) {
        String b = block.toString().stripTrailing();
        if (!b.isEmpty()) {
            blocks.add(b);
        }
        block.setLength(0);
    }

    /** A block as one piece, or split at lines (code blocks re-fenced) when it is too long. */
    private static List<String> fit(String block, int limit) {
        if (block.length() <= limit) {
            return List.of(block);
        }
        String[] lines = block.split("\n", -1);
        boolean code = lines[0].strip().startsWith("```") || lines[0].strip().startsWith("~~~");
        String open = code ? lines[0] : "";
        String close = code ? lines[0].strip().substring(0, 3) : "";
        int from = code ? 1 : 0;
        int to = code && lines.length > 1 && lines[lines.length - 1].strip().startsWith(close)
                ? lines.length - 1
                : lines.length;
        int room = limit - (code ? open.length() + close.length() + 2 : 0);
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (int i = from; i < to; i++) {
            for (String piece : hardCut(lines[i], room)) {
                if (part.length() > 0 && part.length() + 1 + piece.length() > room) {
                    parts.add(wrap(part.toString(), open, close));
                    part.setLength(0);
                }
                part.append(part.length() > 0 ? "\n" : "").append(piece);
            }
        }
        if (part.length() > 0) {
            parts.add(wrap(part.toString(), open, close));
        }
        return parts;
    }

    private static List<String> hardCut(String line, int room) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < line.length(); i += room) {
            out.add(line.substring(i, Math.min(line.length(), i + room)));
        }
        return out.isEmpty() ? List.of("") : out;
    }

    private static String wrap(String text, String open, String close) {
        return open.isEmpty() ? text : open + "\n" + text + "\n" + close;
    }
}
