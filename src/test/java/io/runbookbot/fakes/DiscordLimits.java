package io.runbookbot.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Discord's documented message limits, checked on what the bot sent a {@link FakeDiscord}: channel
 * messages and their edits, interaction callbacks ({@code data}), follow-ups and edits through the
 * interaction webhook, and the registered application commands. A violation is a line naming the
 * call, the place and the limit; Discord would answer 400 "Invalid Form Body" for any of them.
 *
 * <ul>
 *   <li>content &le; 2,000; embeds &le; 10, all of them together &le; 6,000 characters (title,
 *       description, field names and values, footer text, author name)
 *   <li>embed title &le; 256, description &le; 4,096, fields &le; 25 of name &le; 256 and value
 *       &le; 1,024, footer text &le; 2,048, author name &le; 256
 *   <li>action rows &le; 5 of &le; 5 buttons; button label &le; 80, custom_id &le; 100 and unique
 *       in the message
 *   <li>command name &le; 32, description &le; 100, options &le; 25 of description &le; 100
 * </ul>
 */
public final class DiscordLimits {
    static final int CONTENT = 2000;
    static final int EMBEDS = 10;
    static final int EMBED_TOTAL = 6000;
    static final int TITLE = 256;
    static final int DESCRIPTION = 4096;
    static final int FIELDS = 25;
    static final int FIELD_NAME = 256;
    static final int FIELD_VALUE = 1024;
    static final int FOOTER = 2048;
    static final int AUTHOR = 256;
    static final int ROWS = 5;
    static final int ROW_COMPONENTS = 5;
    static final int LABEL = 80;
    static final int CUSTOM_ID = 100;
    static final int COMMAND_NAME = 32;
    static final int COMMAND_DESCRIPTION = 100;
    static final int OPTIONS = 25;

    private DiscordLimits() {}

    /** Fails, naming each violation, if any message or command the bot sent {@code discord} so far breaks a limit. */
    public static void assertWithinLimits(FakeDiscord discord) {
        List<String> found = violations(discord.calls().all());
        if (!found.isEmpty()) {
            throw new AssertionError("Discord would refuse these:\n" + String.join("\n", found));
        }
    }

    /** Every violation in every message or command among {@code calls}; other calls are skipped. */
    public static List<String> violations(Collection<RecordedRequest> calls) {
        List<String> found = new ArrayList<>();
        for (RecordedRequest call : calls) {
            found.addAll(violations(call));
        }
        return found;
    }

    /** The violations in one call's message or commands; none for a call that carries neither. */
    public static List<String> violations(RecordedRequest call) {
        String route = call.route();
        String where = call.method() + " " + route;
        boolean sends = call.method().equals("POST") || call.method().equals("PATCH");
        if (route.startsWith("interactions/") && route.endsWith("/callback")) {
            return message(where, call.json().path("data"));
        }
        if (sends && (route.startsWith("webhooks/") || route.startsWith("channels/"))) {
            return message(where, call.json());
        }
        if (route.startsWith("applications/") && route.endsWith("/commands")) {
            return commands(where, call.json());
        }
        return List.of();
    }

    private static List<String> message(String where, JsonNode message) {
        Check check = new Check(where);
        check.atMost("content", message.path("content").asText("").length(), CONTENT);
        JsonNode embeds = message.path("embeds");
        check.atMost("embeds", embeds.size(), EMBEDS);
        int total = 0;
        for (int i = 0; i < embeds.size(); i++) {
            total += check.embed("embed " + i, embeds.get(i));
        }
        check.atMost("embeds' total length", total, EMBED_TOTAL);
        check.components(message.path("components"));
        return check.found;
    }

    private static List<String> commands(String where, JsonNode commands) {
        Check check = new Check(where);
        List<JsonNode> list = new ArrayList<>();
        if (commands.isArray()) {
            commands.forEach(list::add);
        } else if (commands.isObject()) {
            list.add(commands);
        }
        for (JsonNode command : list) {
            String at = "command " + command.path("name").asText();
            check.atMost(at + " name", command.path("name").asText("").length(), COMMAND_NAME);
            check.atMost(
                    at + " description", command.path("description").asText("").length(), COMMAND_DESCRIPTION);
            check.atMost(at + " options", command.path("options").size(), OPTIONS);
            command.path("options")
                    .forEach(o -> check.atMost(
                            at + " option " + o.path("name").asText() + " description",
                            o.path("description").asText("").length(),
                            COMMAND_DESCRIPTION));
        }
        return check.found;
    }

    /** Collects the violations of one message. */
    private static final class Check {
        private final String where;
        private final List<String> found = new ArrayList<>();

        Check(String where) {
            this.where = where;
        }

        void atMost(String what, int size, int limit) {
            if (size > limit) {
                found.add(where + ": " + what + " is " + size + ", Discord's limit is " + limit);
            }
        }

        /** Checks one embed and returns its length as Discord counts it toward the 6,000. */
        int embed(String at, JsonNode embed) {
            int title = length(embed, "title");
            int description = length(embed, "description");
            int footer = embed.path("footer").path("text").asText("").length();
            int author = embed.path("author").path("name").asText("").length();
            atMost(at + " title", title, TITLE);
            atMost(at + " description", description, DESCRIPTION);
            atMost(at + " footer", footer, FOOTER);
            atMost(at + " author", author, AUTHOR);
            atMost(at + " fields", embed.path("fields").size(), FIELDS);
            int total = title + description + footer + author;
            for (JsonNode field : embed.path("fields")) {
                int name = length(field, "name");
                int value = length(field, "value");
                atMost(at + " field name", name, FIELD_NAME);
                atMost(at + " field value", value, FIELD_VALUE);
                total += name + value;
            }
            return total;
        }

        void components(JsonNode rows) {
            atMost("action rows", rows.size(), ROWS);
            Set<String> ids = new HashSet<>();
            for (JsonNode row : rows) {
                atMost("components in a row", row.path("components").size(), ROW_COMPONENTS);
                for (JsonNode c : row.path("components")) {
                    String id = c.path("custom_id").asText("");
                    atMost("label of " + id, length(c, "label"), LABEL);
                    atMost("custom_id " + id, id.length(), CUSTOM_ID);
                    if (!id.isEmpty() && !ids.add(id)) {
                        found.add(where + ": custom_id " + id + " is not unique in the message");
                    }
                }
            }
        }

        private static int length(JsonNode node, String field) {
            return node.path(field).asText("").length();
        }
    }
}
