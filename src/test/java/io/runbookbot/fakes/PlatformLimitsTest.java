package io.runbookbot.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The limit checkers find each limit a message can break, and nothing in a message that keeps them. */
class PlatformLimitsTest {
    @Test
    void aSlackAnswerWithinTheLimitsHasNoViolations() {
        ArrayNode blocks = Json.array();
        blocks.add(header("x".repeat(150)));
        blocks.add(section("x".repeat(3000)));
        blocks.addObject().put("type", "actions").set("elements", buttons("runbook_next", "runbook_share"));

        assertThat(SlackLimits.violations(slackPost(blocks))).isEmpty();
    }

    @Test
    void findsEachBlockKitLimitASlackMessageBreaks() {
        ArrayNode blocks = Json.array();
        blocks.add(header("x".repeat(151)));
        blocks.add(section("x".repeat(3001)).put("block_id", "same"));
        blocks.add(section("ok").put("block_id", "same"));
        ObjectNode actions = blocks.addObject().put("type", "actions");
        ArrayNode elements = buttons("a", "a");
        ((ObjectNode) elements.get(0)).put("value", "v".repeat(2001));
        ((ObjectNode) elements.get(1))
                .putObject("text")
                .put("type", "plain_text")
                .put("text", "t".repeat(76));
        actions.set("elements", elements);
        ArrayNode context = blocks.addObject().put("type", "context").putArray("elements");
        for (int i = 0; i < 11; i++) {
            context.addObject().put("type", "mrkdwn").put("text", "c");
        }
        while (blocks.size() < 51) {
            blocks.addObject().put("type", "divider");
        }

        assertThat(String.join("\n", SlackLimits.violations(slackPost(blocks))))
                .contains("blocks is 51, Slack's limit is 50")
                .contains("block 0 (header) text is 151")
                .contains("block 1 (section) text is 3001")
                .contains("block_id same is not unique")
                .contains("action_id a is not unique in its block")
                .contains("button value is 2001")
                .contains("button text is 76")
                .contains("elements is 11, Slack's limit is 10");
    }

    @Test
    void aModalMayHaveAHundredBlocksButNotMore() {
        ObjectNode view = Json.object().put("type", "modal");
        view.putObject("title").put("type", "plain_text").put("text", "Run a check with a long name");
        ArrayNode blocks = view.putArray("blocks");
        for (int i = 0; i < 101; i++) {
            blocks.add(section("s"));
        }
        RecordedRequest open = request("views.open", Map.of("view", Json.write(view)), Json.object());

        assertThat(SlackLimits.violations(open))
                .containsExactlyInAnyOrder(
                        "views.open: view title is 28, Slack's limit is 24",
                        "views.open: blocks is 101, Slack's limit is 100");
    }

    @Test
    void aDiscordAnswerWithinTheLimitsHasNoViolations() {
        ObjectNode message = Json.object().put("content", "c".repeat(2000));
        message.putArray("embeds").addObject().put("title", "t".repeat(256)).put("description", "d".repeat(4096));
        message.set("components", rows(5, 5));

        assertThat(DiscordLimits.violations(discordPost(message))).isEmpty();
    }

    @Test
    void findsEachLimitADiscordMessageBreaks() {
        ObjectNode message = Json.object().put("content", "c".repeat(2001));
        ArrayNode embeds = message.putArray("embeds");
        ObjectNode embed = embeds.addObject().put("title", "t".repeat(257)).put("description", "d".repeat(4097));
        ArrayNode fields = embed.putArray("fields");
        for (int i = 0; i < 26; i++) {
            fields.addObject().put("name", "n").put("value", "v".repeat(i == 0 ? 1025 : 10));
        }
        for (int i = 0; i < 10; i++) {
            embeds.addObject().put("description", "d".repeat(100));
        }
        ArrayNode components = rows(6, 6);
        ObjectNode first = (ObjectNode) components.get(0).get("components").get(0);
        first.put("label", "l".repeat(81)).put("custom_id", "q".repeat(101));
        ((ObjectNode) components.get(0).get("components").get(1)).put("custom_id", "dup");
        ((ObjectNode) components.get(0).get("components").get(2)).put("custom_id", "dup");
        message.set("components", components);

        assertThat(String.join("\n", DiscordLimits.violations(discordPost(message))))
                .contains("content is 2001, Discord's limit is 2000")
                .contains("embeds is 11, Discord's limit is 10")
                .contains("embed 0 title is 257")
                .contains("embed 0 description is 4097")
                .contains("embed 0 fields is 26")
                .contains("embed 0 field value is 1025")
                .contains("embeds' total length is")
                .contains("action rows is 6, Discord's limit is 5")
                .contains("components in a row is 6")
                .contains("is 81, Discord's limit is 80")
                .contains("is 101, Discord's limit is 100")
                .contains("custom_id dup is not unique in the message");
    }

    @Test
    void aSlashCommandDescriptionOverAHundredCharactersIsAViolation() {
        ArrayNode commands = Json.array();
        commands.addObject().put("name", "runbook").put("description", "d".repeat(101));
        RecordedRequest put =
                new RecordedRequest("PUT", "applications/1/commands", Map.of(), Map.of(), "", Map.of(), commands, 200);

        assertThat(DiscordLimits.violations(put))
                .containsExactly(
                        "PUT applications/1/commands: command runbook description is 101, Discord's limit is 100");
    }

    private static ObjectNode header(String text) {
        ObjectNode header = Json.object().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", text);
        return header;
    }

    private static ObjectNode section(String text) {
        ObjectNode section = Json.object().put("type", "section");
        section.putObject("text").put("type", "mrkdwn").put("text", text);
        return section;
    }

    private static ArrayNode buttons(String... actionIds) {
        ArrayNode buttons = Json.array();
        for (String id : actionIds) {
            ObjectNode b = buttons.addObject().put("type", "button").put("action_id", id);
            b.put("value", "{\"q\":\"x\"}");
            b.putObject("text").put("type", "plain_text").put("text", "Next match");
        }
        return buttons;
    }

    private static ArrayNode rows(int rows, int buttonsPerRow) {
        ArrayNode components = Json.array();
        for (int r = 0; r < rows; r++) {
            ArrayNode row = components.addObject().put("type", 1).putArray("components");
            for (int b = 0; b < buttonsPerRow; b++) {
                row.addObject().put("type", 2).put("label", "Button").put("custom_id", "q:" + r + ":" + b);
            }
        }
        return components;
    }

    private static RecordedRequest slackPost(JsonNode blocks) {
        return request("chat.postMessage", Map.of("channel", "C1", "text", "t", "blocks", Json.write(blocks)), null);
    }

    private static RecordedRequest request(String route, Map<String, String> form, JsonNode json) {
        return new RecordedRequest(
                "POST",
                route,
                Map.of(),
                Map.of(),
                "",
                form,
                json == null ? Json.object().missingNode() : json,
                200);
    }

    private static RecordedRequest discordPost(JsonNode message) {
        return new RecordedRequest(
                "POST",
                "channels/3/messages",
                Map.of(),
                Map.of("content-type", List.of("application/json")),
                "",
                Map.of(),
                message,
                200);
    }
}
