package io.runbookbot.discord;

import io.runbookbot.core.alert.AlertDeliveryException;
import io.runbookbot.core.alert.AlertDestination;
import io.runbookbot.core.alert.AlertPost;
import io.runbookbot.core.alert.PostedMessage;
import io.runbookbot.core.chat.TextChunks;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message.MentionType;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.restaction.MessageCreateAction;

/**
 * Alert groups posted to Discord through the bot's JDA session: a new message per group, edited
 * when the group changes, and a reply under it for what changed. JDA waits out Discord's rate
 * limits itself; what is left are refusals (unknown channel, missing access) and outages.
 *
 * <p>A group's message is posted with its marker as the nonce, which JDA sends with {@code
 * enforce_nonce: true}: Discord answers a second post with the same nonce within a few minutes with
 * the first message instead of creating another. The marker also ends the embed's footer, which
 * {@link #find} looks for in the channel's recent messages ({@link DiscordAlertLookup}) for a restart
 * after a longer time.
 */
public final class DiscordAlertPoster implements AlertDestination {
    private static final Set<ErrorResponse> FINAL = Set.of(
            ErrorResponse.UNKNOWN_CHANNEL,
            ErrorResponse.MISSING_ACCESS,
            ErrorResponse.MISSING_PERMISSIONS,
            ErrorResponse.UNKNOWN_MESSAGE,
            ErrorResponse.INVALID_FORM_BODY,
            ErrorResponse.CANNOT_SEND_TO_USER);

    private final JDA jda;
    private final DiscordAlertLookup lookup = new DiscordAlertLookup();

    public DiscordAlertPoster(JDA jda) {
        this.jda = Objects.requireNonNull(jda, "jda");
    }

    @Override
    public String platform() {
        return "discord";
    }

    @Override
    public PostedMessage post(String channelId, AlertPost post) throws AlertDeliveryException {
        GuildMessageChannel channel = channel(channelId);
        try {
            MessageCreateAction send = channel.sendMessageEmbeds(DiscordAlertFormatter.embed(post))
                    .setComponents(DiscordAlertFormatter.buttons(post))
                    .setAllowedMentions(EnumSet.noneOf(MentionType.class));
            if (!post.marker().isEmpty()) {
                send.setNonce(post.marker()); // JDA sends enforce_nonce: true
            }
            String id = send.complete().getId();
            return new PostedMessage(channelId, id);
        } catch (RuntimeException e) {
            throw failure("post", e);
        }
    }

    @Override
    public void update(PostedMessage message, AlertPost post) throws AlertDeliveryException {
        GuildMessageChannel channel = channel(message.channel());
        try {
            channel.editMessageEmbedsById(message.id(), DiscordAlertFormatter.embed(post))
                    .setComponents(DiscordAlertFormatter.buttons(post))
                    .complete();
        } catch (RuntimeException e) {
            throw failure("edit", e);
        }
    }

    @Override
    public void note(PostedMessage message, String line) throws AlertDeliveryException {
        GuildMessageChannel channel = channel(message.channel());
        try {
            channel.sendMessage(TextChunks.cut(DiscordAlertFormatter.plain(line), 1900))
                    .setMessageReference(message.id())
                    .failOnInvalidReply(false)
                    .setAllowedMentions(EnumSet.noneOf(MentionType.class))
                    .complete();
        } catch (RuntimeException e) {
            throw failure("reply", e);
        }
    }

    @Override
    public Optional<PostedMessage> find(String channelId, String marker, Instant since) throws AlertDeliveryException {
        GuildMessageChannel channel = channel(channelId);
        try {
            return lookup.find(channel, marker, since);
        } catch (RuntimeException e) {
            AlertDeliveryException failure = failure("look-up of recent messages", e);
            if (!failure.retryable()) {
                lookup.refusal.log(channelId, failure);
            }
            throw failure;
        }
    }

    private GuildMessageChannel channel(String id) throws AlertDeliveryException {
        if (id.isEmpty() || id.length() > 20 || !id.chars().allMatch(Character::isDigit)) {
            throw AlertDeliveryException.refused("not a Discord channel id: " + TextChunks.cut(id, 40));
        }
        GuildMessageChannel channel = jda.getChannelById(GuildMessageChannel.class, id);
        if (channel == null) {
            throw jda.getStatus() == JDA.Status.CONNECTED
                    ? AlertDeliveryException.refused("Discord channel " + id + " is not one the bot can see")
                    : AlertDeliveryException.unavailable("the Discord session is " + jda.getStatus(), null);
        }
        return channel;
    }

    private static AlertDeliveryException failure(String what, RuntimeException e) {
        if (e instanceof ErrorResponseException error && FINAL.contains(error.getErrorResponse())) {
            return AlertDeliveryException.refused("Discord refused the " + what + ": " + error.getMeaning());
        }
        if (e instanceof InsufficientPermissionException missing) {
            return AlertDeliveryException.refused("Discord refused the " + what + ": the bot lacks "
                    + missing.getPermission().getName());
        }
        return AlertDeliveryException.unavailable(
                "Discord " + what + " failed: " + e.getClass().getSimpleName() + " "
                        + TextChunks.cut(String.valueOf(e.getMessage()), 200),
                e);
    }
}
