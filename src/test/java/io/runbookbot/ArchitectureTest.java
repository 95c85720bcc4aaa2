package io.runbookbot;

import static io.runbookbot.MainSources.BASE;
import static io.runbookbot.MainSources.JDK;
import static io.runbookbot.MainSources.inPackage;
import static io.runbookbot.MainSources.isIn;
import static io.runbookbot.MainSources.sources;
import static io.runbookbot.MainSources.startsWithAny;
import static io.runbookbot.MainSources.violations;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Enforces the package dependency direction of the house style by reading the import lines of
 * the main sources (no bytecode analysis, no ArchUnit): which package may import which. Each rule
 * reports offending file:line. The reading itself is checked in {@link ArchitectureSourceScanTest}.
 */
class ArchitectureTest {

    @Test
    void coreImportsOnlyJdkSlf4jAndJspecify() {
        Predicate<String> allowed = name -> startsWithAny(name, JDK)
                || startsWithAny(name, List.of("org.slf4j.", "org.jspecify."))
                || isIn(name, BASE + ".core");
        assertThat(violations(inPackage("core"), allowed.negate())).isEmpty();
    }

    @Test
    void searchImportsNoProjectPackageOtherThanCoreSearchAndRedact() {
        Predicate<String> forbidden = name -> isIn(name, BASE)
                && !isIn(name, BASE + ".core")
                && !isIn(name, BASE + ".search")
                && !isIn(name, BASE + ".redact");
        assertThat(violations(inPackage("search"), forbidden)).isEmpty();
    }

    @Test
    void searchImportsNoChatPlatformOrCliLibrary() {
        Predicate<String> forbidden = name -> startsWithAny(name, List.of("com.slack.", "net.dv8tion.", "picocli."));
        assertThat(violations(inPackage("search"), forbidden)).isEmpty();
    }

    @Test
    void llmImportsOnlyCoreRedactLangchain4jAndTheJdk() {
        Predicate<String> allowed = name -> startsWithAny(name, JDK)
                || startsWithAny(
                        name, List.of("dev.langchain4j.", "com.fasterxml.jackson.", "org.slf4j.", "org.jspecify."))
                || isIn(name, BASE + ".core")
                || isIn(name, BASE + ".redact")
                || isIn(name, BASE + ".llm");
        assertThat(violations(inPackage("llm"), allowed.negate())).isEmpty();
    }

    @Test
    void onlyEmbeddingsLlmAndAppTalkToLangchain4j() {
        Predicate<String> forbidden = name -> name.startsWith("dev.langchain4j.");
        List<SourceFile> others = sources().stream()
                .filter(f -> f.packageName()
                        .filter(p ->
                                !isIn(p, BASE + ".search.embed") && !isIn(p, BASE + ".llm") && !isIn(p, BASE + ".app"))
                        .isPresent())
                .toList();
        assertThat(violations(others, forbidden)).isEmpty();
    }

    @Test
    void agentImportsOnlyAgentHttpYamlJdkJacksonSlf4jAndJspecify() {
        Predicate<String> allowed = name -> startsWithAny(name, JDK)
                || startsWithAny(name, List.of("com.fasterxml.jackson.", "org.slf4j.", "org.jspecify."))
                || isIn(name, BASE + ".agent")
                || isIn(name, BASE + ".http")
                || isIn(name, BASE + ".yaml");
        assertThat(violations(inPackage("agent"), allowed.negate())).isEmpty();
    }

    /** The HTTP listener is a leaf that the agent, app and slack packages build on. */
    @Test
    void httpImportsOnlyJdkJettySlf4jAndJspecify() {
        Predicate<String> allowed = name -> startsWithAny(name, JDK)
                || startsWithAny(name, List.of("org.eclipse.jetty.", "org.slf4j.", "org.jspecify."))
                || isIn(name, BASE + ".http");
        assertThat(violations(inPackage("http"), allowed.negate())).isEmpty();
    }

    @Test
    void onlyTheHttpPackageTalksToJettyOrTheJdkHttpServer() {
        Predicate<String> forbidden =
                name -> name.startsWith("org.eclipse.jetty.") || name.startsWith("com.sun.net.httpserver.");
        List<SourceFile> others = sources().stream()
                .filter(f ->
                        f.packageName().filter(p -> !isIn(p, BASE + ".http")).isPresent())
                .toList();
        assertThat(violations(others, forbidden)).isEmpty();
    }

    @Test
    void redactImportsOnlyTheJdk() {
        Predicate<String> allowed = name -> startsWithAny(name, JDK)
                || isIn(name, BASE + ".redact")
                || startsWithAny(name, List.of("org.jspecify."));
        assertThat(violations(inPackage("redact"), allowed.negate())).isEmpty();
    }

    @Test
    void diagnosticsImportsNoSearchNorAdapters() {
        Predicate<String> forbidden =
                name -> startsWithAny(name, List.of("com.slack.", "net.dv8tion.", "picocli.", "org.apache.lucene."))
                        || List.of("search", "cli", "slack", "discord", "app").stream()
                                .anyMatch(p -> isIn(name, BASE + "." + p));
        assertThat(violations(inPackage("diagnostics"), forbidden)).isEmpty();
    }

    @Test
    void cliSlackAndDiscordAdaptersDoNotImportEachOther() {
        List<String> adapters = List.of("cli", "slack", "discord");
        List<String> offenders = new ArrayList<>();
        for (String adapter : adapters) {
            Predicate<String> otherAdapter = name -> adapters.stream()
                    .filter(other -> !other.equals(adapter))
                    .anyMatch(other -> isIn(name, BASE + "." + other));
            offenders.addAll(violations(inPackage(adapter), otherAdapter));
        }
        assertThat(offenders).isEmpty();
    }

    /**
     * Issue 11: a front end is an adapter between its platform and the core. Slack and Discord import
     * the core, their platform SDK (Slack's brings Gson for its JSON), the JDK, SLF4J and JSpecify;
     * Slack also the shared HTTP listener for its HTTP mode. Nothing of search, llm, diagnostics,
     * agent, redact, app or cli: those reach an adapter through core interfaces.
     */
    @Test
    void slackAndDiscordAdaptersImportOnlyCoreTheirPlatformSdkAndTheJdk() {
        // Caffeine bounds what they remember (button refs, event ids); Jackson writes Slack's JSON.
        List<String> common = List.of("org.slf4j.", "org.jspecify.", "com.github.benmanes.caffeine.");
        Predicate<String> slack = name -> startsWithAny(name, JDK)
                || startsWithAny(name, common)
                || startsWithAny(name, List.of("com.slack.api.", "com.fasterxml.jackson."))
                || isIn(name, BASE + ".core")
                || isIn(name, BASE + ".http")
                || isIn(name, BASE + ".slack");
        Predicate<String> discord = name -> startsWithAny(name, JDK)
                || startsWithAny(name, common)
                || name.startsWith("net.dv8tion.jda.")
                || isIn(name, BASE + ".core")
                || isIn(name, BASE + ".discord");
        List<String> offenders = new ArrayList<>(violations(inPackage("slack"), slack.negate()));
        offenders.addAll(violations(inPackage("discord"), discord.negate()));
        assertThat(inPackage("slack")).as("files in io.runbookbot.slack").isNotEmpty();
        assertThat(inPackage("discord")).as("files in io.runbookbot.discord").isNotEmpty();
        assertThat(offenders).isEmpty();
    }

    /** Issue 11: app wires everything and cli is its terminal front end; nothing else depends on them. */
    @Test
    void nothingButAppAndCliImportsAppOrCli() {
        Predicate<String> forbidden = name -> isIn(name, BASE + ".app") || isIn(name, BASE + ".cli");
        List<SourceFile> others = sources().stream()
                .filter(f -> f.packageName()
                        .filter(p -> !isIn(p, BASE + ".app") && !isIn(p, BASE + ".cli"))
                        .isPresent())
                .toList();
        assertThat(violations(others, forbidden)).isEmpty();
    }

    /**
     * Issue 13: alert (payloads, routes, journal, group messages, pacing) is platform neutral: it may
     * build on core, diagnostics, search, redact and yaml, never on a chat platform, the cli, app or the
     * HTTP listener; the Slack and Discord posters implement core's AlertDestination.
     */
    @Test
    void alertImportsNoChatPlatformCliOrApp() {
        Predicate<String> forbidden = name -> startsWithAny(
                        name, List.of("com.slack.", "net.dv8tion.", "picocli.", "org.eclipse.jetty."))
                || List.of("slack", "discord", "cli", "app", "http").stream().anyMatch(p -> isIn(name, BASE + "." + p));
        assertThat(inPackage("alert")).as("files in io.runbookbot.alert").isNotEmpty();
        assertThat(violations(inPackage("alert"), forbidden)).isEmpty();
    }
}
