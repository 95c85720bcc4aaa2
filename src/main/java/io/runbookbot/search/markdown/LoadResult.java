package io.runbookbot.search.markdown;

import java.util.List;

/**
 * What loading a runbooks folder gave.
 *
 * @param runbooks the parsed runbooks, ordered by relative path
 * @param skipped  files that could not be read, decoded or parsed, ordered by relative path
 * @param empty    number of empty (blank) runbook files, which give no runbook
 */
public record LoadResult(List<Runbook> runbooks, List<SkippedFile> skipped, int empty) {
    public LoadResult {
        runbooks = List.copyOf(runbooks);
        skipped = List.copyOf(skipped);
    }
}
