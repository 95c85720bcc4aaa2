package io.runbookbot.core.chat;

import io.runbookbot.core.Summary;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Section answers for the front ends' formatter tests. */
public final class SectionAnswers {
    private SectionAnswers() {}

    /** {@code answer} with a generated summary (or none) and these notices. */
    public static BotReply.SectionAnswer withSummary(
            BotReply.SectionAnswer answer, @Nullable Summary summary, List<String> notices) {
        return copy(answer, Optional.ofNullable(summary), notices, answer.readable());
    }

    /** {@code answer} as the "Show full section" button brings it: all of the section at once. */
    public static BotReply.SectionAnswer whole(BotReply.SectionAnswer answer) {
        return copy(
                answer, answer.summary(), answer.notices(), answer.readable().whole());
    }

    private static BotReply.SectionAnswer copy(
            BotReply.SectionAnswer answer, Optional<Summary> summary, List<String> notices, ReadableSection readable) {
        return new BotReply.SectionAnswer(
                answer.question(),
                answer.index(),
                answer.shown(),
                answer.others(),
                answer.suggestions(),
                answer.sourceUrl(),
                answer.confidence(),
                answer.runOn(),
                summary,
                notices,
                readable);
    }
}
