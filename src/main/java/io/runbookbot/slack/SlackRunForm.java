package io.runbookbot.slack;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElements;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import io.runbookbot.core.DiagnosticCommand;
import io.runbookbot.core.Diagnostics;
import io.runbookbot.core.chat.BotRequest;
import io.runbookbot.core.chat.TextChunks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A diagnostic's parameters asked for in a modal: the "Run…" button of the diagnostics list
 * carries the check's id and its parameters' names and hints (so the form needs no memory), the
 * modal has one input per parameter, and its submission is a {@link BotRequest.RunDiagnostic} that
 * the core validates like any other run. The values never pass through a command line.
 */
final class SlackRunForm {
    static final String OPEN = SlackButtonValue.PREFIX + "form";
    static final String CALLBACK = SlackButtonValue.PREFIX + "run_form";
    /** Inputs per modal; Slack allows 100 blocks, no allowlist entry has this many parameters. */
    static final int MAX_PARAMS = 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    private SlackRunForm() {}

    /** The "Run…" button's value: the check and its parameters with their hints ("port: integer ..."). */
    static String value(DiagnosticCommand command) {
        ObjectNode json = JSON.createObjectNode().put("id", command.id());
        ArrayNode params = json.putArray("p");
        command.paramLines().stream().limit(MAX_PARAMS).forEach(p -> params.add(TextChunks.cut(p, 80)));
        return json.toString();
    }

    /** The modal for a "Run…" click; throws IllegalArgumentException for a value the bot did not write. */
    static View modal(String value, String channelId) {
        JsonNode json = read(value);
        String id = json.path("id").asText("");
        if (id.isEmpty() || !json.path("p").isArray()) {
            throw new IllegalArgumentException("not a run form value");
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText("Runs `" + SlackMarkdown.escape(id) + "` on " + Diagnostics.LOCAL
                + "; the values are checked against the allowlist first."))));
        for (JsonNode p : json.path("p")) {
            String hint = p.asText();
            String name =
                    hint.contains(":") ? hint.substring(0, hint.indexOf(':')).strip() : hint;
            blocks.add(input(i -> i.blockId("param_" + name)
                    .label(plainText(TextChunks.cut(name, 2000)))
                    .hint(plainText(TextChunks.cut(hint, 2000)))
                    .element(BlockElements.plainTextInput(
                            t -> t.actionId("value").maxLength(256)))));
        }
        String metadata =
                JSON.createObjectNode().put("id", id).put("channel", channelId).toString();
        return view(v -> v.type("modal")
                .callbackId(CALLBACK)
                .privateMetadata(metadata)
                .title(viewTitle(t -> t.type("plain_text").text(TextChunks.cut("Run " + id, 24))))
                .submit(viewSubmit(s -> s.type("plain_text").text("Run")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
    }

    /** The run a submitted form asks for, and the channel it was opened from. */
    record Submitted(BotRequest.RunDiagnostic run, String channelId) {}

    static Submitted submitted(View view) {
        JsonNode metadata = read(view.getPrivateMetadata() == null ? "" : view.getPrivateMetadata());
        String id = metadata.path("id").asText("");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("not a run form");
        }
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, Map<String, ViewState.Value>> values =
                view.getState() == null || view.getState().getValues() == null
                        ? Map.of()
                        : view.getState().getValues();
        values.forEach((block, actions) -> {
            ViewState.Value v = actions.get("value");
            if (block.startsWith("param_") && v != null && v.getValue() != null && params.size() < MAX_PARAMS) {
                params.put(block.substring("param_".length()), v.getValue().strip());
            }
        });
        return new Submitted(
                new BotRequest.RunDiagnostic(Diagnostics.LOCAL, id, params),
                metadata.path("channel").asText(""));
    }

    private static JsonNode read(String value) {
        try {
            JsonNode json = JSON.readTree(value);
            if (json == null || !json.isObject()) {
                throw new IllegalArgumentException("not a run form value");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a run form value", e);
        }
    }
}
