package io.runbookbot.discord;

import io.runbookbot.core.chat.TextChunks;
import java.util.EnumSet;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Message.MentionType;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Share in channel" on a diagnostic's output that only the asker sees: posts that output to the
 * channel as the bot, under "Shared by @user", then marks the button as used. The output is read
 * from the clicked message itself (Discord sends it with the click, and only the bot can have
 * written a message of its own), so the button holds no key and works after a restart.
 */
final class DiscordOutputShare {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordOutputShare.class);
    static final String ID = "d:share-output";
    static final String LABEL = "Share in channel";
    static final String DONE = "Shared in channel";
    /** Room a shareable output leaves in its message for the "Shared by" line. */
    static final int ROOM = 40;

    static final String NOTHING = "There is no output of mine to share here.";
    static final String FAILED = "Discord did not take the shared output; try again in a moment.";

    private DiscordOutputShare() {}

    static Button button() {
        return Button.primary(ID, LABEL);
    }

    static boolean handles(String customId) {
        return customId.equals(ID);
    }

    /** Posts the clicked output to the channel; the clicker alone hears of a failure. */
    static void share(ButtonInteractionEvent event) {
        Message output = event.getMessage();
        String self = event.getJDA().getSelfUser().getId();
        if (!output.getAuthor().getId().equals(self) || output.getContentRaw().isBlank()) {
            event.reply(NOTHING).setEphemeral(true).queue();
            return;
        }
        // the click edits the output it was made on: its button then says it was shared
        event.deferEdit().queue(null, DiscordSender::deferFailed);
        String text = TextChunks.cut(
                "Shared by <@" + event.getUser().getId() + ">\n" + output.getContentRaw(),
                DiscordAnswerFormatter.MESSAGE_LIMIT);
        event.getChannel()
                .sendMessage(new MessageCreateBuilder()
                        .setContent(text)
                        .setAllowedMentions(EnumSet.noneOf(MentionType.class))
                        .build())
                .queue(
                        sent -> event.getHook()
                                .editOriginalComponents(
                                        ActionRow.of(Button.secondary(ID, DONE).asDisabled()))
                                .queue(null, failure -> LOG.debug("share button not updated: {}", failure)),
                        failure -> {
                            LOG.warn("Discord did not take a shared output ({})", failure.toString());
                            event.getHook()
                                    .sendMessage(FAILED)
                                    .setEphemeral(true)
                                    .queue();
                        });
    }
}
