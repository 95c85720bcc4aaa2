package io.runbookbot.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.conversations.ConversationsInfoResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
    private static final Pattern CHANNEL_ID = Pattern.compile("[CGD][A-Z0-9]{2,}");

    private final List<String> ids = new ArrayList<>();
    private final List<Pattern> names = new ArrayList<>();
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
        for (String entry : entries) {
            String e = entry.strip();
            if (CHANNEL_ID.matcher(e).matches()) {
                ids.add(e);
            } else if (!e.isEmpty()) {
                names.add(glob(e.startsWith("#") ? e.substring(1) : e));
            }
        }
    }

    boolean contains(String channelId, MethodsClient client) {
        return contains(channelId, id -> name(id, client));
    }

    /** @param lookup a channel's name by its id; empty when the lookup failed */
    boolean contains(String channelId, Function<String, Optional<String>> lookup) {
        if (ids.contains(channelId)) {
            return true;
        }
        if (names.isEmpty()) {
            return false;
        }
        Boolean known = resolved.getIfPresent(channelId);
        if (known != null) {
            return known;
        }
        Optional<Boolean> matches = lookup.apply(channelId).map(this::matches);
        matches.ifPresent(m -> resolved.put(channelId, m));
        return matches.orElse(false);
    }

    /** How many channel names are remembered now (after pending evictions). */
    long remembered() {
        resolved.cleanUp();
        return resolved.estimatedSize();
    }

    private boolean matches(String name) {
        return names.stream().anyMatch(p -> p.matcher(name).matches());
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

    private static Pattern glob(String pattern) {
        return Pattern.compile(
                Arrays.stream(pattern.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*")),
                Pattern.CASE_INSENSITIVE);
    }
}
