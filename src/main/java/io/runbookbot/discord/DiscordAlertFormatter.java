package io.runbookbot.discord;

import io.runbookbot.core.DiagnosticSuggestion;
import io.runbookbot.core.RunbookSection;
import io.runbookbot.core.alert.AlertLine;
import io.runbookbot.core.alert.AlertPost;
import io.runbookbot.core.alert.AlertRunbook;
import io.runbookbot.core.chat.BotRequest;
import io.runbookbot.core.chat.TextChunks;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.MarkdownSanitizer;
import org.jspecify.annotations.Nullable;

/**
 * An alert group's message as a Discord embed: the status as its title and colour, key labels and
 * one line per alert, then the runbook section's first screen, or the alert's own summary and
 * description when no runbook covers it; Run buttons that hold the whole run in their id. Outside
 * strings are Markdown-escaped and cannot form mentions. The footer ends with the group's marker.
 */
final class DiscordAlertFormatter {
    static final int MAX_ALERT_LINES = 10;
    private static final int MAX_RUN_BUTTONS = 5;
    /** The alert lines' share of the description; the section gets the rest. */
    private static final int ALERT_ROOM = 1500;

    private static final String MARKER_SEPARATOR = " · ";

    private static final Color FIRING = new Color(0xD93025);
    private static final Color RESOLVED = new Color(0x1E8E3E);

    private DiscordAlertFormatter() {}

    static MessageEmbed embed(AlertPost post) {
        EmbedBuilder embed = new EmbedBuilder()
                .setTitle(TextChunks.cut(
                        (post.allResolved() ? "\u2705 " : "\ud83d\udd25 ") + post.headline(),
                        MessageEmbed.TITLE_MAX_LENGTH))
                .setColor(post.allResolved() ? RESOLVED : FIRING);
        StringBuilder head = new StringBuilder();
        if (!post.keyLabels().isEmpty()) {
            head.append(code(post.labelLine(), 600)).append('\n');
        }
        head.append(alertLines(post));
        Optional<AlertRunbook> runbook = post.section();
        String footer = "";
        if (runbook.isPresent()) {
            AlertRunbook r = runbook.get();
            if (!r.meaning().isBlank()) {
                head.append("\n**Meaning:** ").append(plain(TextChunks.cut(r.meaning(), 300)));
            }
            head.append("\n\n**")
                    .append(plain(TextChunks.cut(r.section().headingPath(), 200)))
                    .append("**\n");
            int room = MessageEmbed.DESCRIPTION_MAX_LENGTH - head.length() - 40;
            String body = r.readable().first();
            boolean cut = body.length() > room;
            head.append(cut ? TextChunks.head(body, Math.max(100, room), "…") : body);
            RunbookSection s = r.section();
            footer = s.file() + ":" + s.line() + "-" + s.endLine()
                    + (cut || r.readable().more() ? " · the section goes on in the runbook" : "");
            if (isWebUrl(r.sourceUrl())) {
                embed.setUrl(r.sourceUrl());
            }
        } else {
            head.append("\n\nNo runbook covers this alert.");
            for (String name : List.of("summary", "description")) {
                String value = post.annotations().getOrDefault(name, "");
                if (!value.isBlank()) {
                    head.append("\n**").append(name).append(":** ").append(plain(TextChunks.cut(value, 1200)));
                }
            }
        }
        embed.setDescription(TextChunks.cut(head.toString(), MessageEmbed.DESCRIPTION_MAX_LENGTH));
        footer = withMarker(footer, post.marker());
        if (!footer.isEmpty()) {
            embed.setFooter(footer);
        }
        return embed.build();
    }

    /** The footer ending with the group's marker, which {@link DiscordAlertLookup} looks for after a restart. */
    private static String withMarker(String footer, String marker) {
        if (marker.isEmpty()) {
            return footer;
        }
        int room = MessageEmbed.TEXT_MAX_LENGTH - MARKER_SEPARATOR.length() - marker.length();
        return footer.isEmpty() ? marker : TextChunks.cut(footer, room) + MARKER_SEPARATOR + marker;
    }

    /** Whether an embed's footer carries {@code marker}, as {@link #embed} writes it. */
    static boolean carries(@Nullable String footer, String marker) {
        return footer != null && (footer.equals(marker) || footer.endsWith(MARKER_SEPARATOR + marker));
    }

    static List<ActionRow> buttons(AlertPost post) {
        List<Button> buttons = new ArrayList<>();
        post.section().ifPresent(r -> {
            for (DiagnosticSuggestion d : r.checks()) {
                if (buttons.size() == MAX_RUN_BUTTONS) {
                    break;
                }
                BotRequest.RunDiagnostic run = new BotRequest.RunDiagnostic(r.agent(), d.commandId(), d.params());
                ButtonActions.statelessIdFor(run)
                        .ifPresent(id -> buttons.add(
                                Button.primary(id, TextChunks.cut("Run " + d.commandId(), Button.LABEL_MAX_LENGTH))));
            }
            if (isWebUrl(r.sourceUrl()) && r.sourceUrl().length() <= Button.URL_MAX_LENGTH) {
                buttons.add(Button.link(r.sourceUrl(), "Open runbook"));
            }
        });
        return buttons.isEmpty() ? List.of() : ActionRow.partitionOf(buttons);
    }

    /** One line per alert while they fit in {@value #ALERT_ROOM} characters, then how many more there are. */
    private static String alertLines(AlertPost post) {
        StringBuilder lines = new StringBuilder();
        int shown = 0;
        for (AlertLine alert : post.alerts()) {
            String line = alertLine(alert);
            if (shown == MAX_ALERT_LINES || lines.length() + line.length() > ALERT_ROOM) {
                break;
            }
            lines.append(line).append('\n');
            shown++;
        }
        int more = post.notShown() + post.alerts().size() - shown;
        if (more > 0) {
            lines.append("*and ").append(more).append(" more*");
        }
        return lines.toString().stripTrailing();
    }

    private static String alertLine(AlertLine alert) {
        StringBuilder line = new StringBuilder(alert.firing() ? "\ud83d\udd34 " : "\ud83d\udfe2 ")
                .append(plain(TextChunks.cut(alert.name(), 200)));
        if (!alert.labels().isEmpty()) {
            line.append(' ').append(code(AlertPost.labelLine(alert.labels()), 300));
        }
        if (!alert.startsAt().isBlank()) {
            line.append(" since ").append(plain(TextChunks.cut(alert.startsAt(), 40)));
        }
        if (isWebUrl(alert.generatorUrl()) && alert.generatorUrl().length() <= 500) {
            line.append(" · [rule](").append(alert.generatorUrl()).append(')');
        }
        return line.toString();
    }

    /** Outside text shown as written: Markdown escaped, no mention, channel or emoji markup. */
    static String plain(String text) {
        return MarkdownSanitizer.escape(text)
                .replace("<", "\\<")
                .replace("[", "\\[")
                .replace("@", "@\u200b");
    }

    /** Outside text in an inline code span, which Discord shows literally; backticks cannot end it. */
    private static String code(String text, int max) {
        return "`" + TextChunks.cut(text.replace('`', '\''), max) + "`";
    }

    static boolean isWebUrl(String url) {
        return (url.startsWith("https://") || url.startsWith("http://"))
                && url.chars().noneMatch(c -> c == ')' || c == '(' || c <= ' ' || c == '<' || c == '>');
    }
}
