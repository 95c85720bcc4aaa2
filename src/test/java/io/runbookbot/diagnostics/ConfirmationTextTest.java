package io.runbookbot.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.core.DiagnosticCall;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a person reads before confirming a check that changes something. */
class ConfirmationTextTest {
    @Test
    void namesTheCheckItsParametersTheHostAndTheWindowOnce() {
        DiagnosticCall call = new DiagnosticCall("web-1", "restart-service", Map.of("service", "api", "grace", "10"));

        assertThat(DiagnosticsService.confirmationRequest("restart-service", call, Duration.ofMinutes(5)))
                .isEqualTo("restart-service grace=10 service=api changes something on web-1:"
                        + " only the person who asked can confirm it, within 5 minutes.");
        assertThat(DiagnosticsService.confirmationRequest("restart-service", call, Duration.ofSeconds(90)))
                .endsWith("within 90 seconds.");
    }

    @Test
    void aSecretPassedAsAParameterIsMasked() {
        String token = "xoxb-" + "123456789012-123456789012-abcdefghijklmnopqrstuvwx";
        DiagnosticCall call = new DiagnosticCall("web-1", "rotate", Map.of("token", token));

        assertThat(DiagnosticsService.confirmationRequest("rotate", call, Duration.ofMinutes(5)))
                .doesNotContain(token)
                .startsWith("rotate token=");
    }
}
