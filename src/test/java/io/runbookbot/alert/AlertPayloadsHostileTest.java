package io.runbookbot.alert;

import static io.runbookbot.alert.AlertPayloadsTest.ALERTMANAGER;
import static io.runbookbot.alert.AlertPayloadsTest.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Bodies an attacker (or a broken sender) posts to the webhook: each is refused with a reason, in
 * well under a second, or, for label injection, kept as the data it is for the poster to escape.
 */
class AlertPayloadsHostileTest {

    @Test
    void anOversizedBodyIsRefusedBeforeItIsParsed() {
        byte[] body = new byte[AlertLimits.DEFAULTS.maxBytes() + 1];
        java.util.Arrays.fill(body, (byte) '[');
        long start = System.nanoTime();

        assertThatThrownBy(() -> AlertPayloads.parse(body))
                .isInstanceOf(AlertPayloadException.class)
                .hasMessage("body is 2097153 bytes, more than the limit of 2097152; set max_alerts in the "
                        + "webhook_configs to send fewer alerts per notification");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void deeplyNestedJsonIsRefusedWithoutAStackOverflow() {
        String deep = "[".repeat(500_000) + "]".repeat(500_000);
        String body = ALERTMANAGER.replace("\"receiver\":\"bearer\"", "\"receiver\":\"bearer\",\"extra\":" + deep);
        long start = System.nanoTime();

        assertRejected(body, AlertLimits.DEFAULTS, "body is beyond a limit (JSON nested at most 8 levels deep");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void nestingInsideALabelMapIsRefusedAsAWrongType() {
        String body = ALERTMANAGER.replace("\"severity\":\"warning\"", "\"severity\":{\"a\":{\"b\":[1]}}");

        assertRejected(body, AlertLimits.DEFAULTS, "alerts[1].labels.severity: must be a string, got an object");
    }

    @Test
    void aThousandDigitNumberIsRefused() {
        String body = ALERTMANAGER.replace("\"truncatedAlerts\":2", "\"truncatedAlerts\":" + "9".repeat(1000));

        assertRejected(body, AlertLimits.DEFAULTS, "body is beyond a limit");
    }

    @Test
    void chatMarkupMentionsAndControlCharactersInLabelsAreKeptAsDataNotRefused() throws Exception {
        String hostile = "<!channel> @here @everyone <@U024BE7LH> <https://evil.example|click> *bold* `x` "
                + "\u0000\u0007\u001b[31mred\u001b[0m\r\n\u202eevil\u200b";
        String json = jsonString(hostile);
        String body = ALERTMANAGER
                .replace("\"pod\":\"api-7d9f6c-x2x9q\"", "\"pod\":" + json)
                .replace("\"summary\":\"Pod has been", "\"note\":" + json + ",\"summary\":\"Pod has been");

        Alert alert = AlertPayloadsTest.parse(body).alerts().get(1);

        assertThat(alert.labels()).containsEntry("pod", hostile);
        assertThat(alert.annotations()).containsEntry("note", hostile);
    }

    @Test
    void aLabelNameWithControlCharactersIsRefusedAndNotEchoed() {
        String body = ALERTMANAGER.replace("\"pod\":", "\"p\\u001b]8;;http://x\\u0007od\":");

        assertThatThrownBy(() -> AlertPayloadsTest.parse(body))
                .isInstanceOf(AlertPayloadException.class)
                .hasMessage("alerts[1].labels[entry 3]: a label name must be non-empty and free of control characters");
    }

    @Test
    void aParserMessageEchoesOnlyPrintableTextOfBoundedLength() {
        String body = "{\"version\":\"4\", \u001b[2J" + "x".repeat(10_000) + "}";

        assertThatThrownBy(() -> AlertPayloadsTest.parse(body))
                .isInstanceOf(AlertPayloadException.class)
                .satisfies(e -> {
                    assertThat(e.getMessage()).startsWith("body is not valid JSON at line 1");
                    assertThat(e.getMessage()).doesNotContain("\u001b").hasSizeLessThan(300);
                });
    }

    @Test
    void aBodyThatIsNotUtf8IsRefused() {
        byte[] body = ALERTMANAGER.replace("KubePodNotReady", "Kube\u00ffPod").getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> AlertPayloads.parse(body))
                .isInstanceOf(AlertPayloadException.class)
                .hasMessageContaining("body is not valid JSON");
    }

    private static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
