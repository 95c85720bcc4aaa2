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
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.BlockElements;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import io.runbookbot.core.DiagnosticCommand;
import io.runbookbot.core.DiagnosticParam;
import io.runbookbot.core.Diagnostics;
import io.runbookbot.core.chat.BotRequest;
import io.runbookbot.core.chat.TextChunks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A diagnostic's parameters asked for in a modal. The "Run…" button carries only the check's id;
 * the click reads the check from the engine again ({@link SlackRunFormActions}), so the form is
 * always the allowlist's current one and needs no memory. Each parameter is asked by its kind: a
 * select of its choices, a whole-number field with its range, or a text field with what it
 * accepts as the hint. The submission is a {@link BotRequest.RunDiagnostic} that the core validates
 * like any other run. The values never pass through a command line.
 */
final class SlackRunForm {
    static final String OPEN = SlackButtonValue.PREFIX + "form";
    static final String CALLBACK = SlackButtonValue.PREFIX + "run_form";
    /** Inputs per modal; Slack allows 100 blocks, no allowlist entry has this many parameters. */
    static final int MAX_PARAMS = 20;
    /** Slack's limits for a static select: options, and characters of an option's text and value. */
    static final int MAX_OPTIONS = 100;

    static final int MAX_OPTION_TEXT = 75;
    static final int MAX_OPTION_VALUE = 150;
    /** Longest value any allowlist parameter accepts. */
    static final int MAX_TEXT = 256;
    /** An error shown under a field is kept short. */
    static final int MAX_ERROR = 300;

    private static final String BLOCK = "param_";
    private static final String ACTION = "value";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SlackRunForm() {}

    /** The "Run…" button's value: the check's id. */
    static String value(DiagnosticCommand command) {
        return JSON.createObjectNode().put("id", command.id()).toString();
    }

    /** The check id a "Run…" value names; throws IllegalArgumentException for a value the bot did not write. */
    static String commandId(String value) {
        String id = read(value).path("id").asText("");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("not a run form value");
        }
        return id;
    }

    /** The modal asking for {@code command}'s parameters; the result goes to {@code channelId}. */
    static View modal(DiagnosticCommand command, String channelId) {
        String id = command.id();
        List<LayoutBlock> blocks = new ArrayList<>();
        String intro = "Runs `" + SlackMarkdown.escape(id) + "` on " + Diagnostics.LOCAL + ": "
                + SlackMarkdown.escape(command.description())
                + (command.readOnly() ? "" : " It changes something: you confirm it after this form.")
                + "\nEach value is checked against the allowlist before anything runs.";
        blocks.add(section(s -> s.text(markdownText(TextChunks.cut(intro, SlackAnswerFormatter.MAX_SECTION_CHARS)))));
        command.params().stream()
                .limit(MAX_PARAMS)
                .forEach(p -> blocks.add(input(i -> i.blockId(BLOCK + p.name())
                        .label(plainText(TextChunks.cut(p.name(), 2000)))
                        .hint(plainText(TextChunks.cut(p.line(), 2000)))
                        .element(element(p)))));
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

    /** How a parameter is asked for: a select when Slack can hold its choices, else by its kind. */
    private static BlockElement element(DiagnosticParam p) {
        return switch (p.kind()) {
            case CHOICE ->
                selectable(p.choices())
                        ? BlockElements.staticSelect(s -> s.actionId(ACTION)
                                .placeholder(plainText("Choose…"))
                                .options(p.choices().stream()
                                        .map(SlackRunForm::option)
                                        .toList()))
                        : text();
            case INTEGER ->
                BlockElements.numberInput(n -> n.actionId(ACTION)
                        .decimalAllowed(false)
                        .minValue(Long.toString(p.min()))
                        .maxValue(Long.toString(p.max())));
            case TEXT, PATH -> text();
        };
    }

    private static boolean selectable(List<String> choices) {
        return choices.size() <= MAX_OPTIONS
                && choices.stream().allMatch(c -> !c.isEmpty() && c.length() <= MAX_OPTION_VALUE)
                && Set.copyOf(choices).size() == choices.size();
    }

    private static OptionObject option(String choice) {
        return OptionObject.builder()
                .text(plainText(TextChunks.cut(choice, MAX_OPTION_TEXT)))
                .value(choice)
                .build();
    }

    private static BlockElement text() {
        return BlockElements.plainTextInput(t -> t.actionId(ACTION).maxLength(MAX_TEXT));
    }

    /** The run a submitted form asks for, the channel it was opened from, and its fields' block ids. */
    record Submitted(BotRequest.RunDiagnostic run, String channelId, Set<String> blockIds) {}

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
            ViewState.Value v = actions.get(ACTION);
            if (block.startsWith(BLOCK) && v != null && params.size() < MAX_PARAMS) {
                String given = given(v);
                if (given != null) {
                    params.put(block.substring(BLOCK.length()), given);
                }
            }
        });
        return new Submitted(
                BotRequest.RunDiagnostic.onDefaultAgent(id, params),
                metadata.path("channel").asText(""),
                Set.copyOf(values.keySet()));
    }

    /** The chosen option's value as written in the allowlist; a typed value without surrounding spaces. */
    private static @org.jspecify.annotations.Nullable String given(ViewState.Value v) {
        if (v.getSelectedOption() != null) {
            return v.getSelectedOption().getValue();
        }
        return v.getValue() == null ? null : v.getValue().strip();
    }

    /**
     * What {@code response_action: errors} shows: each refused parameter's reason under its field,
     * for the fields the form has (a reason for any other goes to the run, which says it).
     */
    static Map<String, String> errors(Map<String, String> invalid, Submitted form) {
        Map<String, String> errors = new LinkedHashMap<>();
        invalid.forEach((name, reason) -> {
            if (form.blockIds().contains(BLOCK + name)) {
                errors.put(BLOCK + name, TextChunks.cut(reason, MAX_ERROR));
            }
        });
        return errors;
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
