package io.runbookbot.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runbookbot.alert.AlertMessageStore.Key;
import io.runbookbot.alert.AlertMessageStore.Posted;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertMessageStoreTest {
    static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");
    static final Key PLATFORM_SLACK = new Key("{}:{team=\"platform\"}", "platform", "slack");
    static final Key PLATFORM_DISCORD = new Key("{}:{team=\"platform\"}", "platform", "discord");
    static final Key API_SLACK = new Key("{}/{team=\"api\"}:{team=\"api\"}", "api", "slack");

    @TempDir
    Path dir;

    static Posted posted(String messageId, Set<String> firing, Set<String> resolved, Instant at) {
        return new Posted("C0ALERTS", messageId, "", firing, resolved, at);
    }

    List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void theMessageOfEachGroupSurvivesARestartPerRouteAndPlatform() throws Exception {
        AlertMessageStore store = AlertMessageStore.open(dir);
        store.put(
                PLATFORM_SLACK,
                posted("1732795200.000100", Set.of("c2ee0a594a262057", "f347d30fd4ed7981"), Set.of(), T0));
        store.put(
                PLATFORM_DISCORD,
                new Posted(
                        "3000000000000000001",
                        "3000000000000000777",
                        "3000000000000000778",
                        Set.of("c2ee0a594a262057"),
                        Set.of(),
                        T0));

        AlertMessageStore reopened = AlertMessageStore.open(dir);

        assertThat(reopened.get(PLATFORM_SLACK))
                .contains(posted("1732795200.000100", Set.of("c2ee0a594a262057", "f347d30fd4ed7981"), Set.of(), T0));
        assertThat(reopened.get(PLATFORM_DISCORD).orElseThrow().threadId()).isEqualTo("3000000000000000778");
        assertThat(reopened.get(API_SLACK)).isEmpty();
        assertThat(reopened.recovery()).isEqualTo(new AlertMessageStore.Recovery(2, List.of()));
    }

    @Test
    void anUpdateReplacesTheStateInPlace() throws Exception {
        AlertMessageStore store = AlertMessageStore.open(dir);
        store.put(PLATFORM_SLACK, posted("1.1", Set.of("a", "b", "c"), Set.of(), T0));
        store.put(PLATFORM_SLACK, posted("1.1", Set.of("a", "b"), Set.of("c"), T0.plusSeconds(60)));

        Posted now = AlertMessageStore.open(dir).get(PLATFORM_SLACK).orElseThrow();

        assertThat(now.firing()).containsExactly("a", "b");
        assertThat(now.resolved()).containsExactly("c");
        assertThat(now.allResolved()).isFalse();
        assertThat(files()).hasSize(1);
    }

    /** A crash while replacing a group's file leaves the .tmp beside the old file: the old state wins. */
    @Test
    void aWriteInterruptedByACrashLeavesThePreviousStateAndIsReported() throws Exception {
        AlertMessageStore store = AlertMessageStore.open(dir);
        store.put(PLATFORM_SLACK, posted("1.1", Set.of("a"), Set.of(), T0));
        Path file = files().get(0);
        Files.writeString(file.resolveSibling(file.getFileName() + ".tmp"), "{\"version\":1,\"groupKey\":\"{}:{te");

        AlertMessageStore reopened = AlertMessageStore.open(dir);

        assertThat(reopened.get(PLATFORM_SLACK)).contains(posted("1.1", Set.of("a"), Set.of(), T0));
        assertThat(reopened.recovery().problems())
                .singleElement()
                .asString()
                .contains("a write a crash interrupted")
                .contains("previous state is kept");
        assertThat(files()).hasSize(1);
    }

    @Test
    void aDamagedFileIsSetAsideAndReportedWhileTheOtherGroupsAreKept() throws Exception {
        AlertMessageStore store = AlertMessageStore.open(dir);
        store.put(PLATFORM_SLACK, posted("1.1", Set.of("a"), Set.of(), T0));
        List<Path> before = files();
        store.put(API_SLACK, posted("2.2", Set.of("b"), Set.of(), T0));
        Path api = files().stream().filter(f -> !before.contains(f)).findFirst().orElseThrow();
        byte[] bytes = Files.readAllBytes(api);
        Files.write(api, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        AlertMessageStore reopened = AlertMessageStore.open(dir);

        assertThat(reopened.all()).containsOnlyKeys(PLATFORM_SLACK);
        assertThat(reopened.recovery().problems())
                .singleElement()
                .asString()
                .startsWith(api.getFileName() + " is damaged (")
                .contains("moved to corrupt/");
        assertThat(dir.resolve("corrupt").resolve(api.getFileName())).exists();
    }

    @Test
    void aFileMovedUnderAnotherGroupsNameIsNotBelieved() throws Exception {
        AlertMessageStore store = AlertMessageStore.open(dir);
        store.put(PLATFORM_SLACK, posted("1.1", Set.of("a"), Set.of(), T0));
        Path file = files().get(0);
        Files.move(file, dir.resolve("0".repeat(64) + ".json"));

        AlertMessageStore reopened = AlertMessageStore.open(dir);

        assertThat(reopened.all()).isEmpty();
        assertThat(reopened.recovery().problems()).singleElement().asString().contains("does not match the group");
    }

    @Test
    void groupKeysFromOutsideNeverBecomePaths() throws Exception {
        Key hostile = new Key("../../etc/passwd\n<!channel> {}:{a=\"/\"}", "default", "slack");
        AlertMessageStore store = AlertMessageStore.open(dir);
        store.put(hostile, posted("9.9", Set.of("x"), Set.of(), T0));

        assertThat(files())
                .singleElement()
                .satisfies(f -> assertThat(f.getFileName().toString()).matches("[0-9a-f]{64}\\.json"));
        assertThat(AlertMessageStore.open(dir).get(hostile)).isPresent();
    }

    /** Claimed before posting, so a stop between post and record is visible after the restart. */
    @Test
    void aPostInFlightIsRecordedAsPendingAndFoundAfterARestart() throws Exception {
        AlertMessageStore store = AlertMessageStore.open(dir);
        store.put(PLATFORM_SLACK, Posted.pending("C0ALERTS", Set.of("a"), Set.of(), T0));

        Posted found = AlertMessageStore.open(dir).get(PLATFORM_SLACK).orElseThrow();

        assertThat(found.isPending()).isTrue();
        assertThat(found.channel()).isEqualTo("C0ALERTS");
        store.put(PLATFORM_SLACK, posted("1.1", Set.of("a"), Set.of(), T0));
        assertThat(AlertMessageStore.open(dir).get(PLATFORM_SLACK).orElseThrow().isPending())
                .isFalse();
    }

    @Test
    void oldGroupsCanBeForgotten() throws Exception {
        AlertMessageStore store = AlertMessageStore.open(dir);
        store.put(PLATFORM_SLACK, posted("1.1", Set.of(), Set.of("a"), T0));
        store.put(API_SLACK, posted("2.2", Set.of("b"), Set.of(), T0.plusSeconds(3600)));

        assertThat(store.removeUpdatedBefore(T0.plusSeconds(60))).isEqualTo(1);

        assertThat(AlertMessageStore.open(dir).all()).containsOnlyKeys(API_SLACK);
        assertThat(files()).hasSize(1);
    }

    @Test
    void blankOrOversizedKeysAreRefused() {
        assertThatThrownBy(() -> new Key(" ", "r", "slack")).hasMessage("groupKey must be 1 to 16384 characters");
        assertThatThrownBy(() -> new Key("g".repeat(16_385), "r", "slack"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> posted("1".repeat(257), Set.of(), Set.of(), T0))
                .hasMessage("message and thread ids are at most 256 characters");
        assertThatThrownBy(() -> new Posted(" ", "1.1", "", Set.of(), Set.of(), T0))
                .hasMessage("channel must be 1 to 256 characters");
    }
}
