package io.runbookbot.alert;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runbookbot.alert.AlertJournal.Entry;
import io.runbookbot.alert.AlertJournal.Limits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertJournalTest {
    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    AlertJournal open() throws IOException {
        return AlertJournal.open(dir, Limits.defaults(), CLOCK);
    }

    static byte[] body(String text) {
        return text.getBytes(UTF_8);
    }

    static String text(AlertJournal journal, long seq) throws IOException {
        return new String(journal.read(seq).orElseThrow().body(), UTF_8);
    }

    Path entryFile(long seq) {
        return dir.resolve(String.format("%019d", seq) + AlertJournal.SUFFIX);
    }

    @Test
    void acceptedNotificationsSurviveARestartInOrder() throws Exception {
        AlertJournal journal = open();
        for (String s : List.of("one", "two", "three")) {
            journal.append(body(s));
        }

        AlertJournal reopened = open();

        assertThat(reopened.pending()).containsExactly(1L, 2L, 3L);
        assertThat(text(reopened, 2)).isEqualTo("two");
        assertThat(reopened.read(3).orElseThrow().acceptedAt()).isEqualTo(NOW);
        assertThat(reopened.recovery().problems()).isEmpty();
        assertThat(reopened.bytes()).isEqualTo(11);
    }

    @Test
    void removedEntriesStayRemovedAndNumbersAreNotReused() throws Exception {
        AlertJournal journal = open();
        journal.append(body("one"));
        journal.append(body("two"));
        journal.remove(2);
        journal.remove(2);
        journal.append(body("three"));

        AlertJournal reopened = open();

        assertThat(reopened.pending()).containsExactly(1L, 3L);
        assertThat(reopened.read(2)).isEmpty();
        assertThat(reopened.append(body("four")).seq()).isEqualTo(4);
    }

    @Test
    void aTornTailEntryIsReportedAndSetAsideWhileTheOthersAreKept() throws Exception {
        AlertJournal journal = open();
        journal.append(body("{\"groupKey\":\"a\"}"));
        journal.append(body("{\"groupKey\":\"b\"}"));
        journal.append(body("{\"groupKey\":\"c\"}"));
        byte[] whole = Files.readAllBytes(entryFile(3));
        Files.write(entryFile(3), java.util.Arrays.copyOf(whole, whole.length - 5));

        AlertJournal reopened = open();

        assertThat(reopened.pending()).containsExactly(1L, 2L);
        assertThat(text(reopened, 2)).isEqualTo("{\"groupKey\":\"b\"}");
        assertThat(reopened.recovery().problems())
                .singleElement()
                .asString()
                .contains("0000000000000000003.entry is damaged (holds 11 of its 16 body bytes)")
                .contains("moved to corrupt/")
                .contains("the other entries are kept");
        try (Stream<Path> aside = Files.list(dir.resolve("corrupt"))) {
            assertThat(aside).hasSize(1);
        }
        assertThat(reopened.append(body("d")).seq()).isEqualTo(4);
    }

    @Test
    void aFlippedByteAnywhereFailsTheChecksumOfThatEntryOnly() throws Exception {
        AlertJournal journal = open();
        journal.append(body("first"));
        journal.append(body("second"));
        journal.append(body("third"));
        byte[] bytes = Files.readAllBytes(entryFile(2));
        bytes[bytes.length - 1] ^= 0x20;
        Files.write(entryFile(2), bytes);

        AlertJournal reopened = open();

        assertThat(reopened.pending()).containsExactly(1L, 3L);
        assertThat(reopened.recovery().problems()).singleElement().asString().contains("checksum mismatch");
    }

    @Test
    void anEntryDamagedAfterOpeningIsSetAsideWhenRead() throws Exception {
        AlertJournal journal = open();
        journal.append(body("first"));
        Files.write(entryFile(1), body("garbage that is long enough to have a header, but no magic"));

        assertThat(journal.read(1)).isEmpty();
        assertThat(journal.pending()).isEmpty();
        assertThat(journal.bytes()).isZero();
    }

    /** What a crash between writing and renaming leaves: a .tmp file, never acknowledged. */
    @Test
    void aWriteInterruptedByACrashIsRemovedAndReported() throws Exception {
        AlertJournal journal = open();
        journal.append(body("acknowledged"));
        byte[] next = AlertJournal.encode(new Entry(2, NOW, body("half written")));
        Path tmp = dir.resolve(entryFile(2).getFileName() + ".tmp");
        Files.write(tmp, java.util.Arrays.copyOf(next, next.length / 2));

        AlertJournal reopened = open();

        assertThat(reopened.pending()).containsExactly(1L);
        assertThat(text(reopened, 1)).isEqualTo("acknowledged");
        assertThat(tmp).doesNotExist();
        assertThat(reopened.recovery().problems())
                .singleElement()
                .asString()
                .contains("a write a crash interrupted")
                .contains("never acknowledged");
    }

    @Test
    void aFullJournalRefusesClearlyUntilEntriesAreRemoved() throws Exception {
        AlertJournal journal = AlertJournal.open(dir, new Limits(2, 1000, 100), CLOCK);
        journal.append(body("one"));
        journal.append(body("two"));

        assertThatThrownBy(() -> journal.append(body("three")))
                .isInstanceOf(AlertJournalFullException.class)
                .hasMessage("the alert journal is full: 2 notifications (6 bytes) wait to be posted, the limit is 2"
                        + " notifications or 1000 bytes; Alertmanager will send this one again");
        journal.remove(1);
        assertThat(journal.append(body("three")).seq()).isEqualTo(3);
    }

    @Test
    void theByteLimitCountsTooAndAnOversizedBodyIsRefusedOutright() throws Exception {
        AlertJournal journal = AlertJournal.open(dir, new Limits(100, 150, 100), CLOCK);
        journal.append(new byte[100]);

        assertThatThrownBy(() -> journal.append(new byte[60])).isInstanceOf(AlertJournalFullException.class);
        assertThatThrownBy(() -> journal.append(new byte[101]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("101 bytes is larger than the journal takes (100 bytes)");
        assertThat(journal.size()).isEqualTo(1);
    }

    @Test
    void filesThatAreNotEntriesAreLeftAlone() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "mine");
        Files.createDirectories(dir.resolve("corrupt"));
        AlertJournal journal = open();
        journal.append(body("one"));

        assertThat(open().pending()).containsExactly(1L);
        assertThat(dir.resolve("notes.txt")).hasContent("mine");
    }

    @Test
    void concurrentAppendsGetDistinctNumbersAndAllSurvive() throws Exception {
        AlertJournal journal = open();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Long>> seqs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String text = "n" + i;
            seqs.add(pool.submit(() -> journal.append(body(text)).seq()));
        }
        List<Long> got = new ArrayList<>();
        for (Future<Long> f : seqs) {
            got.add(f.get());
        }
        pool.shutdown();

        assertThat(got).doesNotHaveDuplicates().hasSize(200);
        AlertJournal reopened = open();
        assertThat(reopened.size()).isEqualTo(200);
        assertThat(reopened.recovery().problems()).isEmpty();
    }
}
