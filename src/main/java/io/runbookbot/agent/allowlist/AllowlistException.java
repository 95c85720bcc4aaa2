package io.runbookbot.agent.allowlist;

/**
 * The allowlist file cannot be used. The message names the file, the entry (index and id) and
 * the field, e.g. {@code allowlist.yaml: commands[2] (id "disk-usage"): argv: placeholder {path}
 * has no param}.
 */
public class AllowlistException extends RuntimeException {

    public AllowlistException(String message) {
        super(message);
    }

    public AllowlistException(String message, Throwable cause) {
        super(message, cause);
    }
}
