package io.runbookbot.core.chat;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The votes on an answer as the answer itself shows them, "Helpful (2): <@U1> <@U2>" and "Not
 * helpful (1): <@U3>", written and read back by the front ends (Slack's context line, Discord's
 * embed field), so that votes need no store and survive a restart. One vote per person: voting
 * again moves theirs. At most {@value #MAX_VOTERS} voters per side.
 *
 * @param helpful    who found it helpful, in the order they voted
 * @param notHelpful who did not
 */
public record VoteLine(Set<String> helpful, Set<String> notHelpful) {
    public static final int MAX_VOTERS = 150;
    public static final VoteLine NONE = new VoteLine(Set.of(), Set.of());

    public VoteLine {
        helpful = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(helpful));
        notHelpful = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(notHelpful));
    }

    /** The votes after {@code userId} voted: theirs moves to the side they chose. */
    public VoteLine vote(String userId, boolean isHelpful) {
        Set<String> yes = new LinkedHashSet<>(helpful);
        Set<String> no = new LinkedHashSet<>(notHelpful);
        yes.remove(userId);
        no.remove(userId);
        Set<String> side = isHelpful ? yes : no;
        if (side.size() < MAX_VOTERS) {
            side.add(userId);
        }
        return new VoteLine(yes, no);
    }

    /** "Helpful (2): <@U1> <@U2>". */
    public String helpfulText() {
        return side("Helpful", helpful);
    }

    /** "Not helpful (0)". */
    public String notHelpfulText() {
        return side("Not helpful", notHelpful);
    }

    /** The votes read back from the two texts this class wrote. */
    public static VoteLine read(String helpfulText, String notHelpfulText) {
        return new VoteLine(users(helpfulText), users(notHelpfulText));
    }

    private static String side(String label, Set<String> users) {
        StringBuilder line =
                new StringBuilder(label).append(" (").append(users.size()).append(")");
        if (!users.isEmpty()) {
            line.append(':');
            users.forEach(u -> line.append(" <@").append(u).append('>'));
        }
        return line.toString();
    }

    /** The user ids in {@code <@id>} mentions, in order, in one pass; anything else is skipped. */
    static Set<String> users(String text) {
        Set<String> users = new LinkedHashSet<>();
        int at = text.indexOf("<@");
        while (at >= 0 && users.size() < MAX_VOTERS) {
            int end = text.indexOf('>', at);
            if (end < 0) {
                break;
            }
            String id = text.substring(at + 2, end);
            if (!id.isEmpty() && id.length() <= 32 && id.chars().allMatch(Character::isLetterOrDigit)) {
                users.add(id);
            }
            at = text.indexOf("<@", end);
        }
        return users;
    }
}
