package io.runbookbot.agent.allowlist;

import static io.runbookbot.agent.allowlist.AllowlistYaml.loadError;
import static io.runbookbot.agent.allowlist.AllowlistYaml.withEntry;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An entry's timeout and output cap: units, bounds, and the largest cap the bot can receive. */
class AllowlistLimitsTest {

    @Test
    void timeoutNeedsAUnit() {
        assertThat(loadError("""
                - id: nounit
                  description: d
                  argv: [df]
                  timeout: 5
                  read_only: true
                """))
                .isEqualTo("allowlist.yaml: commands[1] (id \"nounit\"): timeout: must be a number with a unit ms,"
                        + " s or m (e.g. 5s), got 5");
    }

    @Test
    void timeoutMustBeFromOneSecondToFiveMinutes() {
        assertThat(loadError("""
                - id: slow
                  description: d
                  argv: [df]
                  timeout: 6m
                  read_only: true
                """))
                .isEqualTo("allowlist.yaml: commands[1] (id \"slow\"): timeout: must be from 1s to 5m, got 6m");
        assertThat(loadError("""
                - id: quick
                  description: d
                  argv: [df]
                  timeout: 500ms
                  read_only: true
                """))
                .isEqualTo("allowlist.yaml: commands[1] (id \"quick\"): timeout: must be from 1s to 5m, got 500ms");
    }

    @Test
    void outputCapMustBeAtLeastOneKib() {
        assertThat(loadError("""
                - id: tiny
                  description: d
                  argv: [df]
                  output_cap: 512B
                  read_only: true
                """))
                .isEqualTo("allowlist.yaml: commands[1] (id \"tiny\"): output_cap: must be at least 1KiB, got 512B");
    }

    @Test
    void outputCapAboveWhatTheBotReceivesIsRefusedNamingFileEntryAndField() {
        assertThat(loadError("""
                - id: huge
                  description: d
                  argv: [df]
                  output_cap: 1MiB
                  read_only: true
                """))
                .isEqualTo("allowlist.yaml: commands[1] (id \"huge\"): output_cap: 1MiB is more than the bot will"
                        + " receive: a run answer holds stdout and stderr up to the cap each, JSON may write one byte as six,"
                        + " and the bot reads at most 8MiB of an answer; use at most 681KiB (697685 bytes)");
    }

    @Test
    void outputCapAtTheLargestTheBotReceivesLoads() {
        assertThat(withEntry("""
                - id: big
                  description: d
                  argv: [df]
                  output_cap: 681KiB
                  read_only: true
                """).find("big").orElseThrow().outputCap()).isEqualTo(681 * 1024);
    }

    @Test
    void outputCapUnitMustBeKnown() {
        assertThat(loadError("""
                - id: kb
                  description: d
                  argv: [df]
                  output_cap: 64KB
                  read_only: true
                """))
                .isEqualTo("allowlist.yaml: commands[1] (id \"kb\"): output_cap: must be bytes, optionally with a"
                        + " unit B, KiB or MiB (e.g. 64KiB), got the string \"64KB\"");
    }

    @Test
    void outputCapAcceptsPlainBytes() {
        CommandSpec spec = withEntry("""
                - id: bytes
                  description: d
                  argv: [df]
                  output_cap: 4096
                  timeout: 1500ms
                  read_only: true
                """).find("bytes").orElseThrow();

        assertThat(spec.outputCap()).isEqualTo(4096);
        assertThat(spec.timeout()).isEqualTo(Duration.ofMillis(1500));
    }
}
