package io.runbookbot.discord;

import io.runbookbot.core.DiagnosticReport;
import io.runbookbot.core.chat.BotReply;
import io.runbookbot.core.chat.BotRequest;
import io.runbookbot.core.chat.InvestigationText;
import io.runbookbot.core.chat.TextChunks;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Message.MentionType;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.jspecify.annotations.Nullable;

/**
 * Renders a {@link BotReply} as Discord messages within Discord's limits (2,000 characters of
 * content, 4,096 of embed description, 100 per button id): a runbook section as an embed with
 * buttons, everything else as plain text split at paragraph or code-block boundaries. Messages
 * never ping anyone, whatever the runbook text says ({@code @everyone} included). Thread-safe.
 */
public final class DiscordAnswerFormatter {
    /** Discord's limit on a message's content. */
    public static final int MESSAGE_LIMIT = Message.MAX_CONTENT_LENGTH;

    private static final String OUTPUT_CUT = "… output cut; run it on the host for the rest.";

    private static final Plain PLAIN = new Plain();

    private final SectionEmbed sections;
    private final ButtonActions actions;
    private final Messages messages = new Messages(false, null);
    private final Messages privateMessages = new Messages(true, null);
    private final DiagnosticMessages diagnostics = new DiagnosticMessages(false);
    private final DiagnosticMessages privateDiagnostics = new DiagnosticMessages(true);

    DiscordAnswerFormatter(ButtonActions actions) {
        this.actions = actions;
        this.sections = new SectionEmbed(actions);
    }

    /** The messages to send where everyone sees them, in order; at least one. */
    public List<MessageCreateData> format(BotReply reply) {
        return Objects.requireNonNull(reply, "reply").accept(messages);
    }

    /** The messages for the asker alone (ephemeral): a section answer can be shared from there. */
    public List<MessageCreateData> privately(BotReply reply) {
        return Objects.requireNonNull(reply, "reply").accept(privateMessages);
    }

    /** The messages posted to the channel because the user with this id shared them. */
    public List<MessageCreateData> sharedBy(BotReply reply, String userId) {
        return Objects.requireNonNull(reply, "reply").accept(new Messages(false, userId));
    }

    /** The reply as plain text messages of at most {@value #MESSAGE_LIMIT} characters each. */
    public List<String> plain(BotReply reply) {
        return TextChunks.split(reply.accept(PLAIN), MESSAGE_LIMIT);
    }

    /** Sections as an embed with buttons, diagnostics with their output or confirm button, the rest as text. */
    private final class Messages implements BotReply.Visitor<List<MessageCreateData>> {
        private final boolean shareable;
        private final @Nullable String sharedBy;

        Messages(boolean shareable, @Nullable String sharedBy) {
            this.shareable = shareable;
            this.sharedBy = sharedBy;
        }

        @Override
        public List<MessageCreateData> section(BotReply.SectionAnswer answer) {
            List<MessageCreateData> out = new ArrayList<>();
            out.add(message(sharedBy == null ? "" : "Shared by <@" + sharedBy + ">")
                    .setEmbeds(sections.embed(answer))
                    .setComponents(sections.buttons(answer, shareable))
                    .build());
            int room = MessageEmbed.DESCRIPTION_MAX_LENGTH
                    - SectionEmbed.preface(answer).length();
            SectionEmbed.rest(answer, room, MESSAGE_LIMIT)
                    .forEach(text -> out.add(message(text).build()));
            return out;
        }

        @Override
        public List<MessageCreateData> diagnostic(BotReply.Diagnostic diagnostic) {
            return List.of(diagnostic.report().accept(shareable ? privateDiagnostics : diagnostics));
        }

        @Override
        public List<MessageCreateData> noMatch(BotReply.NoMatch none) {
            return plainMessages(none);
        }

        @Override
        public List<MessageCreateData> investigated(BotReply.Investigated investigated) {
            return plainMessages(investigated);
        }

        @Override
        public List<MessageCreateData> text(BotReply.Text text) {
            return plainMessages(text);
        }

        @Override
        public List<MessageCreateData> diagnostics(BotReply.DiagnosticList list) {
            return plainMessages(list);
        }

        private List<MessageCreateData> plainMessages(BotReply reply) {
            return plain(reply).stream().map(text -> message(text).build()).toList();
        }
    }

    /** Every reply as text. */
    private static final class Plain implements BotReply.Visitor<String> {
        @Override
        public String section(BotReply.SectionAnswer a) {
            return "**" + a.shown().section().headingPath() + "**\n\n" + SectionEmbed.preface(a)
                    + a.readable().first()
                    + (a.readable().more() ? "\n\n… (the first screen; the whole section is at the source)" : "")
                    + "\n\nSource: "
                    + a.sourceUrl().orElse("`" + a.shown().section().location() + "`");
        }

        @Override
        public String noMatch(BotReply.NoMatch none) {
            List<String> lines = new ArrayList<>(List.of(SectionEmbed.notices(none.notices())
                    + "No runbook matches \"" + TextChunks.cut(none.question(), 300)
                    + "\". Try the exact error line, or other words."));
            if (!none.candidates().isEmpty()) {
                lines.add("\nClosest sections (low confidence):");
                none.candidates().forEach(hit -> lines.add(SectionEmbed.candidate(hit)));
            }
            return String.join("\n", lines);
        }

        @Override
        public String diagnostic(BotReply.Diagnostic d) {
            return d.report().message();
        }

        @Override
        public String investigated(BotReply.Investigated i) {
            return InvestigationText.plain(i.investigation());
        }

        @Override
        public String text(BotReply.Text text) {
            return text.text();
        }

        @Override
        public String diagnostics(BotReply.DiagnosticList list) {
            return list.text();
        }
    }

    /**
     * A diagnostic's report: output under a header, a confirm button, or the refusal. Output for the
     * asker alone has a Share button, and leaves room for the "Shared by" line.
     */
    private final class DiagnosticMessages implements DiagnosticReport.Visitor<MessageCreateData> {
        private final boolean shareable;

        DiagnosticMessages(boolean shareable) {
            this.shareable = shareable;
        }

        @Override
        public MessageCreateData needsConfirmation(DiagnosticReport.NeedsConfirmation pending) {
            Button confirm = Button.danger(actions.idFor(new BotRequest.Confirm(pending.token())), "Confirm");
            return message(TextChunks.cut(pending.message(), MESSAGE_LIMIT))
                    .setComponents(ActionRow.of(confirm))
                    .build();
        }

        @Override
        public MessageCreateData refused(DiagnosticReport.Refused refused) {
            return message(TextChunks.cut(refused.message(), MESSAGE_LIMIT)).build();
        }

        @Override
        public MessageCreateData ran(DiagnosticReport.Ran report) {
            String header = "`" + report.commandId() + "` on `" + report.agent() + "`: "
                    + (report.timedOut() ? "timed out" : "exit code " + report.exitCode()) + ", "
                    + report.durationMillis() + " ms"
                    + (report.truncated() ? " (output cut at the allowlist's cap)" : "");
            String output =
                    codeBlock(report.stdout().isEmpty() && report.stderr().isEmpty() ? "(no output)" : report.stdout())
                            + (report.stderr().isEmpty() ? "" : "\nstderr:\n" + codeBlock(report.stderr()));
            int limit = MESSAGE_LIMIT - (shareable ? DiscordOutputShare.ROOM : 0);
            MessageCreateBuilder message =
                    message(header + "\n" + TextChunks.head(output, limit - header.length() - 1, OUTPUT_CUT));
            return (shareable ? message.setComponents(ActionRow.of(DiscordOutputShare.button())) : message).build();
        }
    }

    /** Output in a fence that the output itself cannot close. */
    private static String codeBlock(String output) {
        return "```\n" + output.replace("```", "`\u200b``").stripTrailing() + "\n```";
    }

    private static MessageCreateBuilder message(String content) {
        return new MessageCreateBuilder().setContent(content).setAllowedMentions(EnumSet.noneOf(MentionType.class));
    }
}
