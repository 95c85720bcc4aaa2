package io.runbookbot.app;

import io.runbookbot.slack.SlackAppManifest;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code slack-manifest}: prints the Slack app manifest to paste into "Create New App > From an app
 * manifest" (api.slack.com/apps), so the app exists in one step.
 */
@Command(
        name = "slack-manifest",
        mixinStandardHelpOptions = true,
        description = "Print the Slack app manifest (Socket Mode, or HTTP mode with --request-url).")
final class SlackManifestCommand implements Callable<Integer> {
    @Option(names = "--name", defaultValue = "runbook-bot", description = "App name (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(
            names = "--request-url",
            paramLabel = "URL",
            description = "Public URL of /slack/events for HTTP mode; without it the manifest uses Socket Mode.")
    @Nullable
    String requestUrl;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println(SlackAppManifest.json(name, Optional.ofNullable(requestUrl)));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
