package io.runbookbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class StartFailuresTest {

    @Test
    void namesTheIoErrorUnderAWrappedFailureRatherThanTheDeepestWrapper() {
        Exception jda = new RuntimeException(
                "-1: java.net.ConnectException", new ConnectException("Failed to connect to /127.0.0.1:9"));
        jda.getCause().initCause(new RuntimeException("ContextException"));

        String text = StartFailures.describe(new IllegalStateException("cannot log in to Discord at http://x/", jda));

        assertThat(text)
                .isEqualTo("cannot log in to Discord at http://x/ (cause: ConnectException: Failed to connect"
                        + " to /127.0.0.1:9)");
    }

    @Test
    void keepsAMessageThatAlreadySaysItsCause() {
        Exception failure =
                new IllegalStateException("unknown host slack.invalid", new UnknownHostException("slack.invalid"));

        assertThat(StartFailures.describe(failure)).isEqualTo("unknown host slack.invalid");
    }

    @Test
    void isOneRedactedLineOfBoundedLength() {
        String text = StartFailures.describe(
                new IllegalStateException("token xoxb-123456789012-abcdefABCDEF\nrefused " + "x".repeat(5000)));

        assertThat(text)
                .doesNotContain("xoxb-123456789012-abcdefABCDEF")
                .doesNotContain("\n")
                .hasSizeLessThanOrEqualTo(500);
    }
}
