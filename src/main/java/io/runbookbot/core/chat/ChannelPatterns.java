package io.runbookbot.core.chat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The incident channels, as an operator lists them: channel ids (Slack {@code C024BE91L}, Discord
 * {@code 1150000000000000001}) or name patterns ({@code inc-*}, {@code #incident-*}, case
 * insensitive, {@code *} for any run of characters). Channel names are at most 100 characters on
 * both platforms, so matching a pattern is cheap whatever the pattern.
 */
public final class ChannelPatterns {
    private static final Pattern SLACK_ID = Pattern.compile("[CGD][A-Z0-9]{2,}");
    private static final Pattern DISCORD_ID = Pattern.compile("[0-9]{15,21}");
    /** Longer names than either platform allows are not matched. */
    private static final int MAX_NAME = 100;

    private final List<String> ids = new ArrayList<>();
    private final List<Pattern> names = new ArrayList<>();

    private ChannelPatterns(List<String> entries) {
        for (String entry : entries) {
            String e = entry.strip();
            if (SLACK_ID.matcher(e).matches() || DISCORD_ID.matcher(e).matches()) {
                ids.add(e);
            } else if (!e.isEmpty()) {
                names.add(glob(e.startsWith("#") ? e.substring(1) : e));
            }
        }
    }

    public static ChannelPatterns of(List<String> entries) {
        return new ChannelPatterns(List.copyOf(entries));
    }

    /** Whether the channel with this id is listed by id. */
    public boolean listsId(String channelId) {
        return ids.contains(channelId);
    }

    /** Whether any entry is a name pattern (so a channel's name has to be known to decide). */
    public boolean hasNames() {
        return !names.isEmpty();
    }

    /** Whether a channel's name matches one of the name patterns. */
    public boolean matchesName(String name) {
        return name.length() <= MAX_NAME
                && names.stream().anyMatch(p -> p.matcher(name).matches());
    }

    private static Pattern glob(String pattern) {
        return Pattern.compile(
                Arrays.stream(pattern.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*")),
                Pattern.CASE_INSENSITIVE);
    }
}
