package io.runbookbot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.conversations.ConversationsInfoResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channels where the bot may answer unasked: channel ids ({@code C024BE91L}) or name patterns
 * ({@code inc-*}, {@code #incident-*}). Names are looked up once per channel with
 * {@code conversations.info}; a failed lookup counts as "not an incident channel" and is retried later.
 */
final class SlackIncidentChannels {
    private static final Logger LOG = LoggerFactory.getLogger(SlackIncidentChannels.class);
    private static final Pattern CHANNEL_ID = Pattern.compile("[CGD][A-Z0-9]{2,}");

    private final List<String> ids = new ArrayList<>();
    private final List<Pattern> names = new ArrayList<>();
    private final Map<String, Boolean> resolved = new ConcurrentHashMap<>();

    SlackIncidentChannels(List<String> entries) {
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
        if (ids.contains(channelId)) {
            return true;
        }
        if (names.isEmpty()) {
            return false;
        }
        Boolean known = resolved.get(channelId);
        if (known != null) {
            return known;
        }
        Optional<String> name = name(channelId, client);
        name.ifPresent(n -> resolved.put(channelId, names.stream().anyMatch(p -> p.matcher(n).matches())));
        return resolved.getOrDefault(channelId, false);
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
        return Pattern.compile(Arrays.stream(pattern.split("\\*", -1)).map(Pattern::quote)
                .collect(Collectors.joining(".*")), Pattern.CASE_INSENSITIVE);
    }
}
