package io.runbookbot.alert;

import io.runbookbot.alert.AlertMessageStore.Key;
import io.runbookbot.alert.AlertMessageStore.Posted;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The process {@link AlertDurabilityCrashIT} kills: writes without end and prints "acked N" after each
 * write returns, i.e. after the moment the bot would answer Alertmanager 2xx (or consider a group's
 * message recorded), continuing from what the folder holds. Arguments: {@code journal|store} and the
 * folder.
 */
public final class DurabilityChild {
    static final Key KEY = new Key("{}:{team=\"platform\"}", "platform", "slack");

    private DurabilityChild() {}

    static byte[] body(long n) {
        return ("{\"n\":" + n + ",\"pad\":\"" + "x".repeat(4000) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    static Posted posted(long n) {
        return new Posted("C0ALERTS", "ts." + n, "", Set.of("f" + n), Set.of("r" + n), Instant.ofEpochSecond(n));
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        if (args[0].equals("journal")) {
            AlertJournal journal =
                    AlertJournal.open(dir, new AlertJournal.Limits(1_000_000, 1L << 40, 1 << 20), Clock.systemUTC());
            List<Long> kept = journal.pending();
            for (long n = kept.isEmpty() ? 1 : kept.get(kept.size() - 1) + 1; ; n++) {
                System.out.println("acked " + journal.append(body(n)).seq());
            }
        }
        AlertMessageStore store = AlertMessageStore.open(dir);
        long from = store.get(KEY)
                .map(p -> Long.parseLong(p.messageId().substring(3)) + 1)
                .orElse(1L);
        for (long n = from; ; n++) {
            store.put(KEY, posted(n));
            System.out.println("acked " + n);
        }
    }
}
