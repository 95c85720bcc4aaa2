package io.runbookbot.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A 60-line pasted block (about 8 KB) around an error line, for {@code bench}: INFO lines from other
 * components, the error as an ERROR line and as an exception with 20 frames and a cause, then more
 * INFO lines. The same block for the same question on every run.
 */
final class PastedBlock {
    static final int LINES = 60;

    private PastedBlock() {}

    static String around(String error) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; lines.size() < 20; i++) {
            lines.add(time(i) + "  INFO 1 --- [nio-8080-exec-" + (i % 9 + 1) + "] c.e.app.web.RequestLogger"
                    + "                : GET /api/v1/items?page=" + (i * 37) + " 200 " + (i % 50 + 3) + "ms trace="
                    + Integer.toHexString(0x1f3e15ed + i * 7919) + "-4c68-aaa5-570c18693fc5");
        }
        lines.add(time(20) + " ERROR 1 --- [nio-8080-exec-4] o.s.web.servlet.DispatcherServlet        : " + error);
        lines.add("java.lang.IllegalStateException: " + error);
        for (int i = 0; i < 20; i++) {
            lines.add("\tat org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:" + (885 + i)
                    + ")");
        }
        lines.add("Caused by: java.io.IOException: " + error);
        lines.add("\tat java.base/java.lang.Thread.run(Thread.java:1583)");
        lines.add("\t... 23 more");
        for (int i = 21; lines.size() < LINES; i++) {
            lines.add(time(i) + "  INFO 1 --- [   scheduling-1] c.e.app.jobs.JobRunner                   : Job "
                    + Integer.toHexString(0x2f3e15ed + i * 104729) + " completed in " + (i % 900 + 5) + "ms on 10.0."
                    + (i % 250) + "." + (i % 200 + 1));
        }
        return String.join("\n", lines);
    }

    private static String time(int i) {
        return String.format("2026-11-28 03:%02d:%02d.%03d", 20 + i / 60, i % 60, i * 37 % 1000);
    }
}
