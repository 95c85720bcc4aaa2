package io.runbookbot.search.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PastedTextTest {
    @Test
    void aQuestionOfOneLineIsSearchedAsWritten() {
        String bare = "2026-11-28T03:24:32Z dial tcp 10.96.20.99:443: connect: connection refused after 5000ms";

        assertThat(PastedText.distil(bare)).isSameAs(bare);
    }

    @Test
    void keepsTheErrorLineWithoutTimestampLevelUuidPodHashIpOrDuration() {
        String block = """
                2026-11-28T03:24:30.101Z INFO  [scheduler] Job 2f3e15ed-f9c7-4c68-aaa5-570c18693fc5 completed in 12ms
                2026-11-28T03:24:31.512Z DEBUG [cache] Resolved svc-a.internal to 10.12.0.7
                2026-11-28T03:24:32.123Z ERROR [api-7f9c6d5b8-x2x4z] upstream 10.96.20.99:443 connect: connection refused after 1.5s (req 9b16106246d87e652ed3a35c5b07b903)
                2026-11-28T03:24:33.004Z INFO  [http-server] GET /healthz 200 3ms
                """;

        assertThat(PastedText.distil(block)).isEqualTo("[api ] upstream :443 connect: connection refused after (req )");
    }

    @Test
    void aJavaTraceIsSearchedByItsExceptionMessageNotItsFrames() {
        String trace = """
                2026-11-28 03:24:32.123 ERROR 1 --- [nio-8080-exec-4] o.h.engine.jdbc.spi.SqlExceptionHelper   : Request failed
                org.postgresql.util.PSQLException: FATAL: sorry, too many clients already
                \tat org.postgresql.Driver.connect(Driver.java:297)
                \tat com.zaxxer.hikari.pool.HikariPool.createPoolEntry(HikariPool.java:470)
                \tat com.zaxxer.hikari.pool.HikariPool.createPoolEntry(HikariPool.java:470)
                Caused by: java.net.ConnectException: Connection refused
                \tat java.base/sun.nio.ch.Net.connect0(Native Method)
                \t... 23 more
                """;

        assertThat(PastedText.distil(trace)).isEqualTo("FATAL: sorry, too many clients already Connection refused");
    }

    @Test
    void anExceptionWithoutAMessageIsSearchedByItsType() {
        String trace = """
                Exception in thread "main" java.lang.OutOfMemoryError
                java.lang.OutOfMemoryError
                \tat java.base/java.util.Arrays.copyOf(Arrays.java:3512)
                """;

        assertThat(PastedText.distil(trace)).isEqualTo("OutOfMemoryError:");
    }

    @Test
    void aPythonTracebackIsSearchedByItsLastLineNotItsCode() {
        String traceback = """
                Traceback (most recent call last):
                  File "/app/server.py", line 3, in <module>
                    from flask import Flask, jsonify
                ModuleNotFoundError: No module named 'flask'
                """;

        assertThat(PastedText.distil(traceback)).isEqualTo("No module named 'flask'");
    }

    @Test
    void aJsonLogLineIsSearchedByItsMessageAtItsLevel() {
        String block = """
                {"ts":"2026-11-28T03:24:31Z","level":"info","msg":"request completed","trace_id":"ab12"}
                {"ts":"2026-11-28T03:24:32Z","level":"error","msg":"fsck found errors on \\"/dev/sdb1\\"","trace_id":"cd34"}
                """;

        assertThat(PastedText.distil(block)).isEqualTo("fsck found errors on \"/dev/sdb1\"");
    }

    @Test
    void inJournalOutputWithoutLevelsTheLastWordsBeforeTheExitComeFirst() {
        String journal = """
                Nov 28 03:24:30 node-3 sshd[812]: Accepted publickey for core from 10.1.2.3 port 52144 ssh2
                Nov 28 03:24:31 node-3 app[2117]: process 63330 still waiting for ShareLock on transaction 3682318105
                Nov 28 03:24:32 node-3 systemd[1]: app.service: Main process exited, code=exited, status=1/FAILURE
                Nov 28 03:24:32 node-3 systemd[1]: app.service: Failed with result 'exit-code'.
                """;

        assertThat(PastedText.distil(journal))
                .startsWith("app : process 63330 still waiting for ShareLock on transaction 3682318105");
    }

    @Test
    void anHttpStatusInALogfmtLineIsNotAnExit() {
        String journal = """
                Nov 21 09:36:45 node-33 systemd[1]: Starting Daily Cleanup of Temporary Directories...
                Nov 21 09:36:53 node-33 api[22984]: request completed method=GET path=/healthz status=200 duration=1.277s
                Nov 21 09:37:09 node-33 api[22984]: error: refs/heads/main: invalid sha1 pointer 0000000000
                Nov 21 09:37:09 node-33 systemd[1]: api.service: Main process exited, code=exited, status=1/FAILURE
                """;

        assertThat(PastedText.distil(journal)).startsWith("api : error: refs/heads/main: invalid sha1 pointer");
    }

    @Test
    void aHugePasteIsReadOnlyUpToItsCapAndQuickly() {
        String line = "2026-11-28T03:24:32.123Z ERROR [x] " + "1.1.1.1:".repeat(400) + "a-bcdefgh-ijklm ".repeat(100);
        String huge = (line + "\n").repeat(500); // about 2 MB of the shapes the patterns look for

        long start = System.nanoTime();
        String distilled = PastedText.distil(huge);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(millis).as("distilling a 2 MB paste").isLessThan(1_000);
        assertThat(distilled.length()).isLessThanOrEqualTo(PastedText.MAX_CHARS);
    }
}
