package io.runbookbot.core.alert;

import java.util.Objects;

/**
 * A message the bot posted for an alert group, as its platform knows it.
 *
 * @param channel the channel id
 * @param id      Slack's {@code ts}, Discord's message id
 */
public record PostedMessage(String channel, String id) {
    public PostedMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(id, "id");
    }
}
