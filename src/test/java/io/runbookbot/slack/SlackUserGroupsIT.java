package io.runbookbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runbookbot.fakes.FakeEngine;
import io.runbookbot.fakes.FakeSlack;
import io.runbookbot.fakes.SlackPayload;
import io.runbookbot.fakes.SlackPayloads;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Slack user groups reach the engine as the caller's roles, read with {@code usergroups.list} from
 * a fake Slack through real Bolt, once per refresh; a refusal leaves the caller without group roles
 * and the answer still comes.
 */
class SlackUserGroupsIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    @AutoClose
    private final SlackAdapterRig rig = new SlackAdapterRig();

    private final FakeSlack slack = rig.slack;
    private final SlackPayloads payloads = rig.payloads;
    private final FakeEngine engine = rig.engine;

    private void start() {
        rig.start(List.of());
    }

    private void start(List<String> incidentChannels) {
        rig.start(incidentChannels);
    }

    private FakeEngine.Received ask(String text) throws Exception {
        SlackPayload command = payloads.slashCommand("/runbook", text);
        rig.post(command);
        FakeEngine.Received received = engine.awaitRequest(WAIT);
        slack.awaitResponse(command.responseId(), WAIT);
        return received;
    }

    private static JsonNode groups(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aMemberOfAUserGroupCallsWithItsHandleAndIdAsRolesReadOncePerRefresh() throws Exception {
        slack.answer("usergroups.list", r -> groups("""
                {"ok": true, "usergroups": [
                  {"id": "S0ONCALL", "handle": "oncall", "users": ["%s", "U0OTHER"]},
                  {"id": "S0DBA", "handle": "dba", "users": ["U0OTHER"]}]}
                """.formatted(SlackPayloads.USER_ID)));
        engine.answering(FakeEngine.sectionAnswer("disk full"));
        start();

        FakeEngine.Received first = ask("disk full");
        FakeEngine.Received second = ask("disk full again");

        assertThat(first.caller().roles()).containsExactly("oncall", "S0ONCALL");
        assertThat(second.caller().roles()).containsExactly("oncall", "S0ONCALL");
        assertThat(slack.callsTo("usergroups.list")).hasSize(1);
        assertThat(slack.callsTo("usergroups.list").get(0).param("include_users"))
                .hasValueSatisfying(v -> assertThat(v).isIn("1", "true"));
    }

    @Test
    void aCallerInAnIncidentChannelIsMarkedSoAndOneElsewhereIsNot() throws Exception {
        engine.answering(FakeEngine.sectionAnswer("disk full"));
        start(List.of(SlackPayloads.CHANNEL_ID));

        FakeEngine.Received received = ask("disk full");

        assertThat(received.caller().channelId()).isEqualTo(SlackPayloads.CHANNEL_ID);
        assertThat(received.caller().incidentChannel()).isTrue();
    }

    @Test
    void withoutTheScopeTheCallerHasNoGroupRolesAndStillGetsTheAnswer() throws Exception {
        slack.answer(
                "usergroups.list",
                r -> groups("{\"ok\": false, \"error\": \"missing_scope\", \"needed\": \"usergroups:read\"}"));
        engine.answering(FakeEngine.sectionAnswer("disk full"));
        start();

        FakeEngine.Received received = ask("disk full");

        assertThat(received.caller().roles()).isEmpty();
        assertThat(received.caller().incidentChannel()).isFalse();
        assertThat(received.caller().qualifiedUserId()).isEqualTo("slack:" + SlackPayloads.USER_ID);
    }
}
