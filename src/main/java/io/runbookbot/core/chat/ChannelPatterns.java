package io.runbookbot.core.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The incident channels, as an operator lists them: channel ids (Slack {@code C024BE91L}, Discord
 * {@code 1150000000000000001}) or name patterns ({@code inc-*}, {@code #incident-*}, case
 * insensitive, {@code *} for any run of characters). Channel names are at most 100 characters on
 * both platforms, and a pattern is matched without backtracking beyond its last star.
 */
public final class ChannelPatterns {
    private static final Pattern SLACK_ID = Pattern.compile("[CGD][A-Z0-9]{2,}");
    private static final Pattern DISCORD_ID = Pattern.compile("[0-9]{15,21}");
    /** Longer names than either platform allows are not matched. */
    private static final int MAX_NAME = 100;

    private final List<String> ids = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    private ChannelPatterns(List<String> entries) {
        for (String entry : entries) {
            String e = entry.strip();
            if (SLACK_ID.matcher(e).matches() || DISCORD_ID.matcher(e).matches()) {
                ids.add(e);
            } else if (!e.isEmpty()) {
                names.add((e.startsWith("#") ? e.substring(1) : e).toLowerCase(Locale.ROOT));
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
        String lower = name.toLowerCase(Locale.ROOT);
        return name.length() <= MAX_NAME && names.stream().anyMatch(p -> matches(p, lower));
    }

    /**
     * Whether {@code name} matches the glob, {@code *} standing for any run of characters: one pass
     * that goes back only to the last star (at most pattern × name steps, never exponential, as a
     * regular expression with several {@code .*} can be).
     */
    static boolean matches(String glob, String name) {
        int p = 0;
        int n = 0;
        int star = -1;
        int resume = 0;
        while (n < name.length()) {
            if (p < glob.length() && glob.charAt(p) != '*' && glob.charAt(p) == name.charAt(n)) {
                p++;
                n++;
            } else if (p < glob.length() && glob.charAt(p) == '*') {
                star = p++;
                resume = n;
            } else if (star >= 0) {
                p = star + 1;
                n = ++resume;
            } else {
                return false;
            }
        }
        while (p < glob.length() && glob.charAt(p) == '*') {
            p++;
        }
        return p == glob.length();
    }
}
