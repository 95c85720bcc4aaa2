package io.runbookbot.fakes;

import static io.runbookbot.fakes.DiscordEvents.APPLICATION_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.response.InteractionCallbackResponse;
import net.dv8tion.jda.api.requests.GatewayIntent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Proves {@link FakeDiscord} with real JDA: one login for the class, one event per test. */
class FakeDiscordIT {

    private static final String TOKEN = "fake-bot-token";
    private static final String ONCALL = "2100000000000000001";
    private static final Duration WAIT = Duration.ofSeconds(5);

    private static final CallLog<String> seenByJda = new CallLog<>();
    private static FakeDiscord discord;
    private static JDA jda;

    /** The bot under test, reduced to one reply per kind of event. */
    private static final class EchoListener extends ListenerAdapter {
        @Override
        public void onMessageReceived(MessageReceivedEvent event) {
            if (event.getAuthor().isBot()
                    || !event.getMessage()
                            .getMentions()
                            .isMentioned(event.getJDA().getSelfUser())) {
                return;
            }
            String roles =
                    event.getMember().getRoles().stream().map(Role::getName).collect(Collectors.joining(","));
            event.getMessage().reply("answer (roles: " + roles + ")").queue();
        }

        @Override
        public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
            String question = event.getOption("question").getAsString();
            if (question.startsWith("edit")) {
                event.deferReply()
                        .queue(hook -> hook.editOriginal("edited: " + question).queue());
            } else if (question.startsWith("slow")) {
                event.deferReply()
                        .queue(hook ->
                                hook.sendMessage("late answer: " + question).queue());
            } else {
                event.reply("answer: " + question).queue(FakeDiscordIT::recordCallbackResponse);
            }
        }

        @Override
        public void onButtonInteraction(ButtonInteractionEvent event) {
            if (event.getComponentId().startsWith("edit:")) {
                event.editMessage("done").setComponents().queue();
                return;
            }
            event.reply("clicked " + event.getButton().getLabel() + " " + event.getComponentId())
                    .setEphemeral(true)
                    .queue();
        }
    }

    /** What JDA made of the fake's {@code with_response=true} answer. */
    private static void recordCallbackResponse(InteractionHook hook) {
        InteractionCallbackResponse response = hook.getCallbackResponse();
        seenByJda.add(response.getResponseType() + " " + response.getMessage().getContentRaw());
    }

    @BeforeAll
    static void login() throws InterruptedException {
        discord = FakeDiscord.builder().role(ONCALL, "oncall").start();
        jda = discord.jdaBuilder(TOKEN, EnumSet.of(GatewayIntent.GUILD_MESSAGES, GatewayIntent.MESSAGE_CONTENT))
                .addEventListeners(new EchoListener())
                .build();
        FakeDiscord.awaitReady(jda, Duration.ofSeconds(10));
    }

    @AfterAll
    static void shutDown() throws InterruptedException {
        if (jda != null) {
            jda.shutdownNow();
            jda.awaitShutdown(WAIT);
        }
        discord.close();
    }

    @Test
    void loginFetchesTheSelfUserWithTheBotTokenAndIdentifies() {
        RecordedRequest me = discord.awaitCall("GET", "users/@me", WAIT);
        JsonNode identify = discord.gatewayFrames().await(f -> f.path("op").asInt() == 2, WAIT);

        assertThat(me.header("Authorization")).contains("Bot " + TOKEN);
        assertThat(identify.path("d").path("token").asText()).isEqualTo(TOKEN);
        assertThat(jda.getGuilds()).extracting(g -> g.getId()).containsExactly(DiscordEvents.GUILD_ID);
    }

    @Test
    void mentionByAMemberIsAnsweredWithAReplyThroughRest() {
        GatewayEvent mention = discord.pushMention("backend exits with Address already in use", ONCALL);

        RecordedRequest reply = discord.awaitReplyTo(mention, WAIT);
        assertThat(reply.header("Authorization")).contains("Bot " + TOKEN);
        assertThat(reply.json().path("content").asText()).isEqualTo("answer (roles: oncall)");
    }

    @Test
    void slashCommandReplyIsPostedAsCallbackType4() {
        GatewayEvent command = discord.pushSlashCommand("port 8000 already in use");

        RecordedRequest callback = discord.awaitCallback(command, WAIT);
        assertThat(callback.query()).containsEntry("with_response", "true");
        assertThat(callback.json().path("type").asInt()).isEqualTo(4);
        assertThat(callback.json().path("data").path("content").asText()).isEqualTo("answer: port 8000 already in use");
    }

    @Test
    void slashCommandCallbackAnswerIsParsedByJda() {
        discord.pushSlashCommand("pods CrashLoopBackOff");

        assertThat(seenByJda.await(s -> s.endsWith("pods CrashLoopBackOff"), WAIT))
                .isEqualTo("CHANNEL_MESSAGE_WITH_SOURCE answer: pods CrashLoopBackOff");
    }

    @Test
    void deferredSlashCommandSendsType5ThenAWebhookFollowUp() {
        GatewayEvent command = discord.pushSlashCommand("slow: disk full on /var");

        RecordedRequest callback = discord.awaitCallback(command, WAIT);
        RecordedRequest followUp = discord.awaitFollowUp(command, WAIT);
        assertThat(callback.json().path("type").asInt()).isEqualTo(5);
        assertThat(followUp.method()).isEqualTo("POST");
        assertThat(followUp.route()).isEqualTo("webhooks/" + APPLICATION_ID + "/" + command.token());
        assertThat(followUp.query()).containsEntry("wait", "true");
        assertThat(followUp.json().path("content").asText()).isEqualTo("late answer: slow: disk full on /var");
    }

    @Test
    void deferredSlashCommandCanEditTheOriginalResponse() {
        GatewayEvent command = discord.pushSlashCommand("edit: disk full");

        RecordedRequest edit = discord.awaitFollowUp(command, WAIT);
        assertThat(edit.method()).isEqualTo("PATCH");
        assertThat(edit.route())
                .isEqualTo("webhooks/" + APPLICATION_ID + "/" + command.token() + "/messages/@original");
        assertThat(edit.json().path("content").asText()).isEqualTo("edited: edit: disk full");
    }

    @Test
    void buttonClickIsAnsweredThroughItsCallback() {
        GatewayEvent click = discord.pushButton("run:disk-usage");

        RecordedRequest callback = discord.awaitCallback(click, WAIT);
        assertThat(callback.json().path("type").asInt()).isEqualTo(4);
        assertThat(callback.json().path("data").path("content").asText()).isEqualTo("clicked Run run:disk-usage");
        assertThat(callback.json().path("data").path("flags").asInt() & 64).isEqualTo(64);
    }

    @Test
    void buttonCanEditTheMessageItIsOnWithCallbackType7() {
        GatewayEvent click = discord.pushButton("edit:confirm");

        RecordedRequest callback = discord.awaitCallback(click, WAIT);
        assertThat(callback.json().path("type").asInt()).isEqualTo(7);
        assertThat(callback.json().path("data").path("content").asText()).isEqualTo("done");
        assertThat(callback.json().path("data").path("components")).isEmpty();
    }

    @Test
    void registeringCommandsPutsThemAndReadsThemBack() {
        List<Command> registered = jda.updateCommands()
                .addCommands(Commands.slash("runbook", "Ask the runbooks")
                        .addOption(OptionType.STRING, "question", "What is wrong", true))
                .complete();

        RecordedRequest put = discord.awaitCall("PUT", "applications/" + APPLICATION_ID + "/commands", WAIT);
        assertThat(put.json().path(0).path("name").asText()).isEqualTo("runbook");
        assertThat(registered).extracting(Command::getName).containsExactly("runbook");
    }

    @Test
    void unknownRouteIsAnswered404AndRecorded() {
        assertThatThrownBy(() -> jda.retrieveUserById("4000000000000000077").complete())
                .isInstanceOf(ErrorResponseException.class);

        RecordedRequest call = discord.awaitCall("GET", "users/4000000000000000077", WAIT);
        assertThat(call.status()).isEqualTo(404);
    }
}
