package io.runbookbot.discord;

import io.runbookbot.core.DiagnosticSuggestion;
import io.runbookbot.core.RunbookSection;
import io.runbookbot.core.SectionHit;
import io.runbookbot.core.chat.BotReply;
import io.runbookbot.core.chat.BotRequest;
import io.runbookbot.core.chat.TextChunks;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;

/** A runbook section as a Discord embed, with its buttons (run, next match, helpful, not helpful). */
final class SectionEmbed {
    /** Room for each list field, so that title + description + fields + footer stay under 6,000. */
    static final int FIELD_ROOM = 600;

    private static final int MAX_RUN_BUTTONS = 10;
    private static final int MAX_SUMMARY = 1000;
    private static final int MAX_NOTICES = 300;
    /** A whole section longer than its embed follows in at most this many messages. */
    static final int MAX_FOLLOW_UPS = 8;

    private final ButtonActions actions;

    SectionEmbed(ButtonActions actions) {
        this.actions = actions;
    }

    MessageEmbed embed(BotReply.SectionAnswer answer) {
        RunbookSection section = answer.shown().section();
        String preface = preface(answer);
        EmbedBuilder embed = new EmbedBuilder()
                .setTitle(
                        TextChunks.cut(section.headingPath(), MessageEmbed.TITLE_MAX_LENGTH),
                        answer.sourceUrl()
                                .filter(u -> u.startsWith("https://") || u.startsWith("http://"))
                                .orElse(null))
                .setDescription(preface + description(answer, MessageEmbed.DESCRIPTION_MAX_LENGTH - preface.length()))
                .setFooter(section.file() + ":" + section.line() + "-" + section.endLine() + " · "
                        + answer.confidence().caption() + " · match " + (answer.index() + 1)
                        + " of " + (answer.others().size() + 1) + AskedLine.of(answer.question()));
        if (!answer.suggestions().isEmpty()) {
            embed.addField(
                    "Diagnostics",
                    list(answer.suggestions().stream()
                            .map(s -> "`" + DiscordCommands.typed(s) + "` (line " + s.sourceLineNumber() + ")")
                            .toList()),
                    false);
        }
        if (!answer.others().isEmpty()) {
            embed.addField(
                    answer.confidence().othersTitle(),
                    list(answer.others().stream().map(SectionEmbed::candidate).toList()),
                    false);
        }
        return embed.build();
    }

    /** @param shareable whether the answer is the asker's alone, so that a Share button makes sense */
    List<ActionRow> buttons(BotReply.SectionAnswer answer, boolean shareable) {
        Set<BotRequest.RunDiagnostic> runs = new LinkedHashSet<>();
        for (DiagnosticSuggestion s : answer.suggestions()) {
            runs.add(new BotRequest.RunDiagnostic(answer.runOn(), s.commandId(), s.params()));
        }
        List<Button> runButtons = runs.stream()
                .limit(MAX_RUN_BUTTONS)
                // a run whose id would need the bot's memory gets no button: its command is in the Diagnostics field
                .flatMap(r -> ButtonActions.statelessIdFor(r).stream()
                        .map(id -> Button.primary(id, TextChunks.cut(label(r), Button.LABEL_MAX_LENGTH))))
                .toList();
        List<ActionRow> rows = new ArrayList<>(runButtons.isEmpty() ? List.of() : ActionRow.partitionOf(runButtons));
        String location = answer.shown().section().location();
        List<Button> vote = new ArrayList<>();
        if (shareable) {
            vote.add(Button.primary(
                    actions.shareIdFor(new BotRequest.NextMatch(answer.question(), answer.index())),
                    "Share in channel"));
        }
        if (answer.readable().more()) {
            vote.add(Button.secondary(
                    actions.idFor(new BotRequest.WholeSection(answer.question(), answer.index())),
                    "Show full section"));
        }
        if (!answer.others().isEmpty() && answer.index() < answer.others().size()) {
            vote.add(Button.secondary(
                    actions.idFor(new BotRequest.NextMatch(answer.question(), answer.index() + 1)), "Next match"));
        }
        answer.sourceUrl()
                .filter(u -> u.startsWith("https://") || u.startsWith("http://"))
                .filter(u -> u.length() <= Button.URL_MAX_LENGTH)
                .ifPresent(u -> vote.add(Button.link(u, "Open runbook")));
        vote.add(Button.success(actions.idFor(new BotRequest.Feedback(answer.question(), location, true)), "Helpful"));
        vote.add(Button.danger(
                actions.idFor(new BotRequest.Feedback(answer.question(), location, false)), "Not helpful"));
        rows.addAll(ActionRow.partitionOf(vote));
        return rows;
    }

    /**
     * What goes above the section text: the notices as a small italic line, then the generated
     * summary, labelled, as a quote; empty when there is neither. At most about 1,500 characters.
     */
    static String preface(BotReply.SectionAnswer answer) {
        StringBuilder out = new StringBuilder(notices(answer.notices()));
        answer.summary()
                .ifPresent(s -> out.append("**")
                        .append(s.label())
                        .append("**\n")
                        .append(TextChunks.cut(s.text(), MAX_SUMMARY)
                                .lines()
                                .map(l -> "> " + l)
                                .collect(Collectors.joining("\n")))
                        .append("\n\n"));
        return out.toString();
    }

    /** The notices as one italic line ending in a blank line, or "" when there are none. */
    static String notices(List<String> notices) {
        return notices.isEmpty()
                ? ""
                : "*\u2139\ufe0f " + TextChunks.cut(String.join(" · ", notices), MAX_NOTICES) + "*\n\n";
    }

    static String candidate(SectionHit hit) {
        return "• " + hit.section().headingPath() + " — `" + hit.section().location() + "`";
    }

    /**
     * The section's first screen, or the first {@code room} characters of the whole section when the
     * reader asked for all of it ({@link #rest} holds what follows).
     */
    static String description(BotReply.SectionAnswer answer, int room) {
        List<String> pieces = pieces(answer, room);
        String first = pieces.get(0);
        return answer.readable().more() ? first + "\n\n*… the section goes on: Show full section*" : first;
    }

    /** What follows the embed of a whole section, as messages of at most {@code limit} characters. */
    static List<String> rest(BotReply.SectionAnswer answer, int room, int limit) {
        if (answer.readable().more()) {
            return List.of();
        }
        List<String> pieces = pieces(answer, room);
        if (pieces.size() == 1) {
            return List.of();
        }
        String rest = String.join("\n\n", pieces.subList(1, pieces.size()));
        List<String> messages = TextChunks.split(rest, limit);
        if (messages.size() <= MAX_FOLLOW_UPS) {
            return messages;
        }
        List<String> kept = new ArrayList<>(messages.subList(0, MAX_FOLLOW_UPS - 1));
        kept.add("… the rest of the section: "
                + answer.sourceUrl().orElse("`" + answer.shown().section().location() + "`"));
        return kept;
    }

    private static List<String> pieces(BotReply.SectionAnswer answer, int room) {
        int reserve = answer.readable().more() ? 60 : 0;
        return TextChunks.split(answer.readable().first(), Math.max(40, room - reserve));
    }

    private static String label(BotRequest.RunDiagnostic run) {
        StringBuilder label = new StringBuilder("Run ").append(run.commandId());
        run.params().forEach((k, v) -> label.append(' ').append(k).append('=').append(v));
        return label.toString();
    }

    /** Lines joined until the field's room is used up. */
    static String list(List<String> lines) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            String l = TextChunks.cut(line, FIELD_ROOM);
            if (out.length() + l.length() + 1 > FIELD_ROOM) {
                break;
            }
            out.append(out.length() > 0 ? "\n" : "").append(l);
        }
        return out.toString();
    }
}
