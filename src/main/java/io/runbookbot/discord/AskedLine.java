package io.runbookbot.discord;

import io.runbookbot.core.chat.TextChunks;
import java.util.Optional;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;

/**
 * The question an answer was for, written in its embed's footer ("Asked: ...") for the reader,
 * and read back from there when one of its buttons is clicked: Discord sends the clicked message
 * with the click, and nobody but the bot can edit the bot's messages. So the buttons need no
 * memory and work after a restart.
 */
final class AskedLine {
    static final String PREFIX = "\nAsked: ";
    /** Of the footer's 2,048 characters. */
    static final int MAX_QUESTION = 1000;

    private AskedLine() {}

    /** The footer line for {@code question}. */
    static String of(String question) {
        return PREFIX + TextChunks.cut(question.replace('\n', ' '), MAX_QUESTION);
    }

    /**
     * The section an answer shows, as its footer starts ("ops/db.md:10-42 · ..."): {@code ops/db.md:10},
     * the location a vote is recorded for; empty when the footer does not start so.
     */
    static Optional<String> location(Message message) {
        for (MessageEmbed embed : message.getEmbeds()) {
            MessageEmbed.Footer footer = embed.getFooter();
            Optional<String> location = location(footer == null || footer.getText() == null ? "" : footer.getText());
            if (location.isPresent()) {
                return location;
            }
        }
        return Optional.empty();
    }

    /** {@code ops/db.md:10} from a footer that starts "ops/db.md:10-42 · ". */
    static Optional<String> location(String footer) {
        int end = footer.indexOf(" · ");
        String span = end < 0 ? "" : footer.substring(0, end);
        int dash = span.lastIndexOf('-');
        int colon = span.lastIndexOf(':', Math.max(dash, 0));
        boolean shaped = dash > colon
                && colon > 0
                && isDigits(span.substring(colon + 1, dash))
                && isDigits(span.substring(dash + 1));
        return shaped ? Optional.of(span.substring(0, dash)) : Optional.empty();
    }

    private static boolean isDigits(String text) {
        return !text.isEmpty() && text.length() < 10 && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The question of the answer a button was clicked on; empty when it carries none. */
    static Optional<String> in(Message message) {
        for (MessageEmbed embed : message.getEmbeds()) {
            MessageEmbed.Footer footer = embed.getFooter();
            String text = footer == null || footer.getText() == null ? "" : footer.getText();
            int at = text.lastIndexOf(PREFIX);
            if (at >= 0) {
                return Optional.of(text.substring(at + PREFIX.length()));
            }
        }
        return Optional.empty();
    }
}
