package io.runbookbot.discord;

import io.runbookbot.core.DiagnosticCommand;
import io.runbookbot.core.DiagnosticParam;
import io.runbookbot.core.chat.BotRequest;
import io.runbookbot.core.chat.TextChunks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.components.Component;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.label.LabelChildComponent;
import net.dv8tion.jda.api.components.selections.SelectOption;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;

/**
 * A check's parameters asked for in a Discord modal: one labelled field per parameter (at most
 * {@value Modal#MAX_COMPONENTS}, Discord's limit), a select menu for an enumeration of up to 25
 * values, a text field saying the range or rule otherwise. The modal's id is {@code run:<check>},
 * so a submission needs no memory of the form (and works after a restart); its values become a
 * {@link BotRequest.RunDiagnostic} that the core checks against the allowlist like any other run.
 */
final class DiscordCheckForm {
    static final String PREFIX = "run:";
    /** The longest value a text field takes (the allowlist's own cap on a parameter is lower or equal). */
    static final int MAX_VALUE = 256;

    private static final int MAX_SELECT = 25;

    private DiscordCheckForm() {}

    /** The form for {@code command}; empty when Discord could not show it (too many parameters, ids too long). */
    static Optional<Modal> of(DiagnosticCommand command) {
        if (command.params().isEmpty()
                || command.params().size() > Modal.MAX_COMPONENTS
                || PREFIX.length() + command.id().length() > Modal.MAX_ID_LENGTH
                || command.params().stream().anyMatch(p -> p.name().length() > TextInput.MAX_ID_LENGTH)) {
            return Optional.empty();
        }
        Modal.Builder modal =
                Modal.create(PREFIX + command.id(), TextChunks.cut("Run " + command.id(), Modal.MAX_TITLE_LENGTH));
        for (DiagnosticParam p : command.params()) {
            modal.addComponents(Label.of(
                    TextChunks.cut(p.name(), Label.LABEL_MAX_LENGTH),
                    TextChunks.cut(p.accepts(), Label.DESCRIPTION_MAX_LENGTH),
                    field(p)));
        }
        return Optional.of(modal.build());
    }

    /** Whether a modal id is one of these forms. */
    static boolean isForm(String modalId) {
        return modalId.startsWith(PREFIX) && modalId.length() > PREFIX.length();
    }

    /** The run a submitted form asks for: its check, each field by its id, on this host. */
    static BotRequest.RunDiagnostic submitted(String modalId, List<ModalMapping> values) {
        Map<String, String> params = new LinkedHashMap<>();
        for (ModalMapping v : values.subList(0, Math.min(values.size(), Modal.MAX_COMPONENTS))) {
            String value = v.getType() == Component.Type.STRING_SELECT
                    ? v.getAsStringList().stream().findFirst().orElse("")
                    : v.getAsString();
            params.put(v.getCustomId(), value.strip());
        }
        return BotRequest.RunDiagnostic.onDefaultAgent(modalId.substring(PREFIX.length()), params);
    }

    private static LabelChildComponent field(DiagnosticParam p) {
        boolean selectable = p.kind() == DiagnosticParam.Kind.CHOICE
                && p.choices().size() <= MAX_SELECT
                && p.choices().stream().allMatch(c -> !c.isEmpty() && c.length() <= SelectOption.VALUE_MAX_LENGTH);
        if (selectable) {
            return StringSelectMenu.create(p.name())
                    .addOptions(
                            p.choices().stream().map(c -> SelectOption.of(c, c)).toList())
                    .setRequiredRange(1, 1)
                    .build();
        }
        TextInput.Builder text = TextInput.create(p.name(), TextInputStyle.SHORT)
                .setRequired(true)
                .setMaxLength(MAX_VALUE);
        String placeholder = TextChunks.cut(placeholder(p), TextInput.MAX_PLACEHOLDER_LENGTH);
        return (placeholder.isBlank() ? text : text.setPlaceholder(placeholder)).build();
    }

    private static String placeholder(DiagnosticParam p) {
        return p.kind() == DiagnosticParam.Kind.INTEGER ? p.min() + "-" + p.max() : p.accepts();
    }
}
