package io.runbookbot.core.chat;

import io.runbookbot.core.Caller;

/** Port: where "helpful / not helpful" votes go (a JSON Lines file, metrics ...). */
@FunctionalInterface
public interface FeedbackSink {
    void record(Caller caller, BotRequest.Feedback feedback);
}
