package io.runbookbot.agent.protocol;

import java.util.Objects;

/**
 * The body of every non-2xx agent response.
 *
 * @param error  a stable code: {@code unauthorized}, {@code unknown_command}, {@code invalid_params},
 *               {@code busy}, {@code bad_request}, {@code internal}
 * @param reason a sentence for the person who asked; never contains secrets
 */
public record ErrorResponse(String error, String reason) {
    public ErrorResponse {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(reason, "reason");
    }
}
