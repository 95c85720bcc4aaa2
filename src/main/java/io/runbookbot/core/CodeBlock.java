package io.runbookbot.core;

import java.util.Objects;

/**
 * A code block of a runbook section: fenced or indented, as written.
 *
 * @param language the fence's info string ("bash", "sql"), empty when none was given
 * @param code     the block's literal content, without fences
 * @param line     1-based line of the block's first line (the opening fence for fenced blocks)
 */
public record CodeBlock(String language, String code, int line) {
    public CodeBlock {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(code, "code");
    }
}
