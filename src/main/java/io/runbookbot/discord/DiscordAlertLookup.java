package io.runbookbot.discord;

import io.runbookbot.core.alert.LookupRefusal;
import io.runbookbot.core.alert.PostedMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.MessageHistory;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the bot's message for an alert group among a channel's recent messages ({@code GET
 * channels/{id}/messages}, newest first, at most {@value #PAGES} pages of {@value #PAGE_SIZE},
 * stopping at a page that reaches back before the moment asked): the bot's own, posted since that
 * moment, not a reply, whose embed footer ends with the marker. Discord shows a bot its own messages' embeds without the
 * Message Content intent. Needs the Read Message History permission in the channel: the first
 * refusal is logged saying so, and the caller posts.
 */
final class DiscordAlertLookup {
    static final int PAGE_SIZE = 100;
    static final int PAGES = 3;

    private static final Logger LOG = LoggerFactory.getLogger(DiscordAlertLookup.class);

    final LookupRefusal refusal = new LookupRefusal(
            LOG,
            "Alerts: Discord refused to show the bot channel {}'s recent messages ({}). After a restart"
                    + " longer than Discord's nonce window the bot cannot find a group's message it may have posted"
                    + " just before it stopped, so it posts that group again. Give the bot the Read Message History"
                    + " permission in that channel.");

    /** Blocks on Discord; JDA's exceptions are the caller's to sort. */
    Optional<PostedMessage> find(GuildMessageChannel channel, String marker, Instant since) {
        String self = channel.getJDA().getSelfUser().getId();
        MessageHistory history = channel.getHistory();
        for (int page = 0; page < PAGES; page++) {
            List<Message> messages = history.retrievePast(PAGE_SIZE).complete();
            for (Message m : messages) {
                if (m.getAuthor().getId().equals(self)
                        && m.getMessageReference() == null
                        && !m.getTimeCreated().toInstant().isBefore(since)
                        && carries(m, marker)) {
                    return Optional.of(new PostedMessage(channel.getId(), m.getId()));
                }
            }
            if (messages.size() < PAGE_SIZE
                    || messages.get(messages.size() - 1)
                            .getTimeCreated()
                            .toInstant()
                            .isBefore(since)) {
                break;
            }
        }
        return Optional.empty();
    }

    private static boolean carries(Message message, String marker) {
        for (MessageEmbed embed : message.getEmbeds()) {
            MessageEmbed.Footer footer = embed.getFooter();
            if (footer != null && DiscordAlertFormatter.carries(footer.getText(), marker)) {
                return true;
            }
        }
        return false;
    }
}
