package io.runbookbot.search.markdown;

import java.util.Objects;

/**
 * A file of the runbooks folder that was not loaded.
 *
 * @param file   path relative to the runbooks folder, {@code /} separators
 * @param reason why, for the log and the operator ("not valid UTF-8 (at byte 12)")
 */
public record SkippedFile(String file, String reason) {
    public SkippedFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
    }
}
