package io.runbookbot.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.conversations.ConversationsInfoResponse;
import io.runbookbot.core.chat.ChannelPatterns;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channels where the bot may answer unasked: channel ids ({@code C024BE91L}) or name patterns
 * ({@code inc-*}, {@code #incident-*}). Names are looked up once per channel with
 * {@code conversations.info} and remembered for an hour (a renamed channel is noticed then), at most
 * {@value #REMEMBERED} channels; a failed lookup counts as "not an incident channel" and is retried later.
 */
final class SlackIncidentChannels {
    private static final Logger LOG = LoggerFactory.getLogger(SlackIncidentChannels.class);

    private final ChannelPatterns channels;
    static final int REMEMBERED = 10_000;
    static final Duration REMEMBERED_FOR = Duration.ofHours(1);

    private final Cache<String, Boolean> resolved;

    SlackIncidentChannels(List<String> entries) {
        this(entries, Ticker.systemTicker());
    }

    SlackIncidentChannels(List<String> entries, Ticker ticker) {
        resolved = Caffeine.newBuilder()
                .maximumSize(REMEMBERED)
                .expireAfterWrite(REMEMBERED_FOR)
                .ticker(ticker)
                .executor(Runnable::run)
                .build();
        channels = ChannelPatterns.of(entries);
    }

    boolean contains(String channelId, MethodsClient client) {
        return contains(channelId, id -> name(id, client));
    }

    /** @param lookup a channel's name by its id; empty when the lookup failed */
    boolean contains(String channelId, Function<String, Optional<String>> lookup) {
        if (channels.listsId(channelId)) {
            return true;
        }
        if (!channels.hasNames()) {
            return false;
        }
        Boolean known = resolved.getIfPresent(channelId);
        if (known != null) {
            return known;
        }
        Optional<Boolean> matches = lookup.apply(channelId).map(channels::matchesName);
        matches.ifPresent(m -> resolved.put(channelId, m));
        return matches.orElse(false);
    }

    /** How many channel names are remembered now (after pending evictions). */
    long remembered() {
        resolved.cleanUp();
        return resolved.estimatedSize();
    }

    private static Optional<String> name(String channelId, MethodsClient client) {
        try {
            ConversationsInfoResponse info = client.conversationsInfo(r -> r.channel(channelId));
            if (info.isOk() && info.getChannel() != null && info.getChannel().getName() != null) {
                return Optional.of(info.getChannel().getName());
            }
            LOG.warn("conversations.info for {} failed: {}", channelId, info.getError());
        } catch (IOException | SlackApiException e) {
            LOG.warn("conversations.info for {} failed", channelId, e);
        }
        return Optional.empty();
    }
}
