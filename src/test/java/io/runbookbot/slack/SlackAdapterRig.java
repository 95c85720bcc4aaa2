package io.runbookbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.fakes.FakeEngine;
import io.runbookbot.fakes.FakeSlack;
import io.runbookbot.fakes.SlackLimits;
import io.runbookbot.fakes.SlackPayload;
import io.runbookbot.fakes.SlackPayloads;
import io.runbookbot.fakes.SlackSigner;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;

/**
 * The Slack adapter alone for a test: real Bolt over HTTP against a fake Slack, with a {@link
 * FakeEngine} behind it. Start it, post signed payloads, close it.
 */
final class SlackAdapterRig implements AutoCloseable {
    private static final String SECRET = "test-signing-secret";

    final FakeSlack slack = FakeSlack.start();
    final SlackPayloads payloads = slack.payloads();
    final FakeEngine engine = new FakeEngine();
    private SlackFrontEnd frontEnd;

    void start(List<String> incidentChannels) {
        frontEnd = SlackFrontEnd.start(
                new SlackSettings(
                        "xoxb-test",
                        new SlackSettings.HttpMode(SECRET, 0, InetAddress.getLoopbackAddress()),
                        incidentChannels,
                        slack.apiUrlPrefix()),
                engine);
    }

    /** Posts the payload signed, as Slack would, and checks it was taken. */
    void post(SlackPayload payload) throws Exception {
        postForBody(payload);
    }

    /** Posts the payload signed, checks it was taken, and returns the app's answer (the ack's body). */
    String postForBody(SlackPayload payload) throws Exception {
        URI endpoint = URI.create("http://127.0.0.1:" + frontEnd.httpPort().orElseThrow() + "/slack/events");
        var response = new SlackSigner(SECRET).sign(payload).post(endpoint);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    @Override
    public void close() {
        if (frontEnd != null) {
            frontEnd.close();
        }
        slack.close();
        SlackLimits.assertWithinLimits(slack);
    }
}
