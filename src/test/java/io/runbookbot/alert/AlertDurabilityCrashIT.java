package io.runbookbot.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.TestJvm;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real crash: a child JVM writes to the journal or the store without pause and is killed with
 * SIGKILL in the middle; whatever it acknowledged is there, intact, when the folder is opened again.
 * (A killed process, not a power cut: the page cache survives, so this checks the write protocol, and
 * the forces before each acknowledgement are what carry it across a power cut.)
 */
class AlertDurabilityCrashIT {
    static final int ROUNDS = 6;
    static final int ACKS_PER_ROUND = 40;

    @TempDir
    Path dir;

    /**
     * Starts the child, reads {@code acks} acknowledgements, kills it (it keeps writing meanwhile, so
     * the kill lands mid-write); returns the last acknowledgement read. Prints the write rate.
     */
    long killAfter(String mode, int acks, long delayMicros) throws Exception {
        Process child = new ProcessBuilder(TestJvm.main(DurabilityChild.class.getName(), mode, dir.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            long last = 0;
            long first = 0;
            for (int i = 0; i < acks; i++) {
                String line = out.readLine();
                assertThat(line).as("child output").isNotNull().startsWith("acked ");
                last = Long.parseLong(line.substring("acked ".length()));
                first = i == 0 ? System.nanoTime() : first;
            }
            double seconds = (System.nanoTime() - first) / 1e9;
            long until = System.nanoTime() + delayMicros * 1000;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            child.destroyForcibly(); // SIGKILL, while it writes the next ones
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            System.out.printf(
                    "alert %s: %.0f durable writes/s, killed %d us after acknowledgement %d, unfinished writes: %s%n",
                    mode, (acks - 1) / seconds, delayMicros, last, leftovers());
            return last;
        } finally {
            child.destroyForcibly();
        }
    }

    /** Kills the child {@link #ROUNDS} times at different moments; each new child recovers the folder. */
    long rounds(String mode) throws Exception {
        long last = 0;
        for (int round = 0; round < ROUNDS; round++) {
            last = killAfter(mode, ACKS_PER_ROUND, round * 700L);
        }
        return last;
    }

    List<String> leftovers() throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".tmp"))
                    .toList();
        }
    }

    @Test
    void everyNotificationTheJournalAcknowledgedSurvivesTheKill() throws Exception {
        long lastAcked = rounds("journal");

        AlertJournal journal = AlertJournal.open(dir, AlertJournal.Limits.defaults(), java.time.Clock.systemUTC());

        List<Long> pending = journal.pending();
        assertThat(pending.size()).isGreaterThanOrEqualTo((int) lastAcked);
        assertThat(pending).as("no gap").last().isEqualTo((long) pending.size());
        for (long seq : pending) {
            assertThat(journal.read(seq).orElseThrow().body()).isEqualTo(DurabilityChild.body(seq));
        }
        assertThat(journal.recovery().problems())
                .allSatisfy(p -> assertThat(p).contains("a write a crash interrupted"));
        System.out.printf(
                "alert journal crash: %d acknowledged when killed, %d found intact, recovery: %s%n",
                lastAcked, pending.size(), journal.recovery().problems());
    }

    @Test
    void theGroupMessageIsAnAcknowledgedStateNoOlderThanTheLastAfterTheKill() throws Exception {
        long lastAcked = rounds("store");

        AlertMessageStore store = AlertMessageStore.open(dir);

        AlertMessageStore.Posted posted = store.get(DurabilityChild.KEY).orElseThrow();
        long n = Long.parseLong(posted.messageId().substring("ts.".length()));
        assertThat(n).isGreaterThanOrEqualTo(lastAcked);
        assertThat(posted).isEqualTo(DurabilityChild.posted(n));
        assertThat(store.recovery().problems()).allSatisfy(p -> assertThat(p).contains("a write a crash interrupted"));
        System.out.printf(
                "alert store crash: state %d acknowledged when killed, state %d found, recovery: %s%n",
                lastAcked, n, store.recovery().problems());
    }
}
