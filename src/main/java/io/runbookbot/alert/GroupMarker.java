package io.runbookbot.alert;

import io.runbookbot.redact.Redactor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The mark a group's top-level message carries (Slack's message metadata, Discord's nonce and embed
 * footer), so that after a restart the bot can find the message of a post the platform took but
 * whose id it never recorded: {@code rbg-} and the first 80 bits of the SHA-256 of the store key and
 * the channel, hex. No label text and nothing secret: the group key itself never leaves the bot.
 */
final class GroupMarker {
    static final String PREFIX = "rbg-";
    private static final int HEX_DIGITS = 20;

    private GroupMarker() {}

    static String of(AlertMessageStore.Key key, String channel) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(key.groupKey(), key.route(), key.platform(), channel)) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            String hex = HexFormat.of().formatHex(sha.digest()).substring(0, HEX_DIGITS);
            // hex digits only, nothing to mask; through the redactor like every string that leaves the bot
            return Redactor.redact(PREFIX + hex);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
