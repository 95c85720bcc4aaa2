package io.runbookbot.llm;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds of one investigation.
 *
 * @param maxToolCalls   tool calls the model may make in all (each one counts, refused ones too)
 * @param wallTime       total time for the investigation, model and tools together
 * @param maxToolOutput  characters of one tool result fed back to the model
 * @param searchHits     runbook sections one search returns
 */
public record InvestigationLimits(int maxToolCalls, Duration wallTime, int maxToolOutput, int searchHits) {
    public static final InvestigationLimits DEFAULTS = new InvestigationLimits(8, Duration.ofSeconds(60), 4000, 3);

    public InvestigationLimits {
        Objects.requireNonNull(wallTime, "wallTime");
        if (maxToolCalls < 1 || wallTime.isNegative() || wallTime.isZero() || maxToolOutput < 200 || searchHits < 1) {
            throw new IllegalArgumentException("limits out of range: " + maxToolCalls + " calls, " + wallTime + ", "
                    + maxToolOutput + " chars, " + searchHits + " hits");
        }
    }

    public InvestigationLimits withMaxToolCalls(int value) {
        return new InvestigationLimits(value, wallTime, maxToolOutput, searchHits);
    }

    public InvestigationLimits withWallTime(Duration value) {
        return new InvestigationLimits(maxToolCalls, value, maxToolOutput, searchHits);
    }
}
