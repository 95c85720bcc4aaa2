package io.runbookbot.search.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a pasted block, read for what it says: its severity and its message without the
 * layout around it (timestamp, level, thread, logger, JSON or logfmt scaffolding).
 *
 * @param severity how much the line tells about the problem
 * @param type     the exception or error type opening an exception line ({@code PSQLException},
 *                 {@code OSError}), platform package dropped; empty for other lines
 * @param text     the message, noise tokens removed; empty for stack frames and blank lines
 */
record LogLine(Severity severity, String type, String text) {
    /** Ordered from least to most telling. */
    enum Severity {
        FRAME,
        ROUTINE,
        PLAIN,
        WARNING,
        ERROR,
        EXCEPTION
    }

    static final LogLine FRAME = new LogLine(Severity.FRAME, "", "");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> JSON_LEVEL = List.of("level", "severity", "lvl", "levelname", "log.level");
    private static final List<String> JSON_MESSAGE = List.of("msg", "message", "error", "err", "exception", "reason");
    /**
     * A level near the line's start: an upper-case level word (after a timestamp, host or logger),
     * {@code level=x} of logfmt, or kubectl's event type opening the line.
     */
    private static final Pattern LEVEL = Pattern.compile(
            "(?:^|[\\s\\[|\"])(TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|SEVERE|FATAL|CRIT|CRITICAL|ALERT|EMERG"
                    + "|PANIC)(?=[\\s\\]|:\"]|$)|\\blevel=\"?+(\\w{1,10})|^(Normal|Warning) ");
    /** klog: {@code E1128 03:24:32.123456    1234 file.go:123] message}. */
    private static final Pattern KLOG =
            Pattern.compile("^([IWEF])\\d{4} [\\d:.]{8,15} +\\d++ [\\w.-]{1,80}:\\d{1,6}] ");
    /** syslog and journalctl: {@code Nov 28 03:24:32 host-1 }, before {@code unit[pid]: message}. */
    private static final Pattern SYSLOG =
            Pattern.compile("^[A-Z][a-z]{2} [ \\d]\\d \\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,6})? \\S{1,100} ");
    /** Spring Boot's {@code 1234 --- [thread] logger : } after the level. */
    private static final Pattern LOGBACK_TAIL = Pattern.compile("^\\s*\\d++ --- \\[[^\\]]{0,60}\\] \\S{1,120} +: ");
    /** An exception or error type opening a line: {@code java.io.IOException: ...}, {@code KeyError: ...}. */
    private static final Pattern EXCEPTION = Pattern.compile(
            "^(?:Caused by: |panic: )?+[\\w$.]{0,150}?(?:Exception|Error|Throwable|Fault|Failure|Exit)\\b:?");
    /** The package of a platform class says which platform threw, not what went wrong. */
    private static final Pattern PLATFORM_PACKAGE =
            Pattern.compile("^(?:java|javax|jdk|sun|kotlin|scala)\\.(?:[a-z]\\w{0,30}\\.){0,6}+");

    private static final Pattern LOGFMT_SCAFFOLD = Pattern.compile(
            "\\b(?:ts|time|t|level|lvl|caller|source|trace_id|span_id|component)=(?:\"[^\"]{0,200}\"|\\S{0,200})");
    /** Layout lines of a trace: frames, "... 23 more", Python's headers. */
    private static final Pattern FRAME_LINE = Pattern.compile(
            "^(?:at [\\w$.<>/]{1,300}\\(.{0,200}\\)|\\.\\.\\. \\d++ more|Traceback \\(most recent call last\\):?"
                    + "|File \".{0,300}\", line \\d++.{0,200}|During handling of the above exception.{0,80}"
                    + "|The above exception was the direct cause.{0,80}|goroutine \\d++ \\[.{0,60}\\]:)$");

    static final int MAX_LINE_CHARS = 2_000;
    /** A level further into the line is part of the message, not of the layout. */
    private static final int LEVEL_WITHIN = 120;

    static LogLine parse(String raw) {
        String line = raw.length() > MAX_LINE_CHARS ? raw.substring(0, MAX_LINE_CHARS) : raw;
        String t = line.strip();
        if (t.isEmpty()
                || t.startsWith("```")
                || t.startsWith("$ ")
                || FRAME_LINE.matcher(t).matches()) {
            return FRAME;
        }
        if (t.startsWith("{") && t.endsWith("}")) {
            LogLine json = json(t);
            if (json != null) {
                return json;
            }
        }
        Matcher syslog = SYSLOG.matcher(t);
        if (syslog.find()) {
            t = t.substring(syslog.end());
        }
        Matcher klog = KLOG.matcher(t);
        if (klog.find()) {
            return new LogLine(klogSeverity(klog.group(1).charAt(0)), "", clean(t.substring(klog.end())));
        }
        if (EXCEPTION.matcher(t).find()) {
            return exception(t.startsWith("Caused by: ") ? t.substring(11) : t);
        }
        return levelled(t);
    }

    private static LogLine exception(String t) {
        int colon = t.indexOf(": ");
        String type = colon < 0 ? t : t.substring(0, colon);
        String message = colon < 0 ? "" : t.substring(colon + 2);
        return new LogLine(Severity.EXCEPTION, PLATFORM_PACKAGE.matcher(type).replaceFirst(""), clean(message));
    }

    private static LogLine levelled(String t) {
        Matcher level = LEVEL.matcher(t);
        int colon = t.indexOf(": ");
        level.region(0, Math.min(colon < 0 ? t.length() : colon + 1, LEVEL_WITHIN)); // then the message starts
        if (!level.find()) {
            return new LogLine(Severity.PLAIN, "", clean(t));
        }
        String rest = t.substring(level.end());
        Matcher logback = LOGBACK_TAIL.matcher(rest);
        if (logback.find()) {
            rest = rest.substring(logback.end());
        }
        String word =
                level.group(1) != null ? level.group(1) : level.group(2) != null ? level.group(2) : level.group(3);
        boolean logfmt = level.group(2) != null;
        String message = logfmt ? LOGFMT_SCAFFOLD.matcher(t).replaceAll(" ").replace("msg=", " ") : rest;
        return new LogLine(severity(word), "", clean(message.replace("\\\"", "\"")));
    }

    private static LogLine json(String t) {
        try {
            JsonNode node = JSON.readTree(t);
            if (!node.isObject()) {
                return null;
            }
            String level = JSON_LEVEL.stream()
                    .map(node::path)
                    .filter(JsonNode::isTextual)
                    .map(JsonNode::asText)
                    .findFirst()
                    .orElse("");
            StringBuilder message = new StringBuilder();
            JSON_MESSAGE.stream()
                    .map(node::path)
                    .filter(JsonNode::isTextual)
                    .forEach(n -> message.append(n.asText()).append('\n'));
            return new LogLine(level.isEmpty() ? Severity.PLAIN : severity(level), "", clean(message.toString()));
        } catch (JsonProcessingException e) {
            return null; // not JSON after all: read as text
        }
    }

    static Severity severity(String level) {
        return switch (level.toUpperCase(Locale.ROOT)) {
            case "TRACE", "DEBUG", "INFO", "NOTICE", "NORMAL" -> Severity.ROUTINE;
            case "WARN", "WARNING" -> Severity.WARNING;
            case "ERROR", "ERR", "SEVERE", "FATAL", "CRIT", "CRITICAL", "ALERT", "EMERG", "EMERGENCY", "PANIC" ->
                Severity.ERROR;
            default -> Severity.PLAIN;
        };
    }

    private static Severity klogSeverity(char c) {
        return switch (c) {
            case 'I' -> Severity.ROUTINE;
            case 'W' -> Severity.WARNING;
            default -> Severity.ERROR;
        };
    }

    private static String clean(String message) {
        return NoiseTokens.strip(message).replaceAll("\\s+", " ").strip();
    }
}
