package io.runbookbot.core.chat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads what people type after the bot's name or the slash command:
 * {@code help}, {@code run <id> key=value ... [on <agent>]}, {@code confirm <token>},
 * {@code reindex}, {@code investigate <symptom>}; anything else is a question.
 */
public final class RequestParser {
    private RequestParser() {}

    public static BotRequest parse(String text) {
        String trimmed = text.strip();
        List<String> words = List.of(trimmed.split("\\s+"));
        String first = words.get(0).toLowerCase(Locale.ROOT);
        if (trimmed.isEmpty() || first.equals("help") && words.size() == 1) {
            return new BotRequest.Help();
        }
        if (first.equals("diagnostics") && words.size() == 1) {
            return new BotRequest.ListDiagnostics();
        }
        if (first.equals("reindex") && words.size() == 1) {
            return new BotRequest.Reindex();
        }
        if (first.equals("confirm") && words.size() == 2) {
            return new BotRequest.Confirm(words.get(1));
        }
        if (first.equals("investigate")) {
            String symptom = trimmed.substring(words.get(0).length()).strip();
            return symptom.isEmpty() ? new BotRequest.Help() : new BotRequest.Investigate(symptom);
        }
        if (first.equals("run") && words.size() >= 2 && words.stream().skip(2).allMatch(RequestParser::isRunWord)) {
            return run(words);
        }
        return new BotRequest.Ask(trimmed);
    }

    private static boolean isRunWord(String w) {
        return w.contains("=") || w.equals("on") || w.equals("--agent") || w.matches("[A-Za-z0-9._-]+");
    }

    private static BotRequest run(List<String> words) {
        Map<String, String> params = new LinkedHashMap<>();
        String agent = BotRequest.RunDiagnostic.DEFAULT_AGENT;
        for (int i = 2; i < words.size(); i++) {
            String w = words.get(i);
            if ((w.equals("on") || w.equals("--agent")) && i + 1 < words.size()) {
                agent = words.get(++i);
            } else if (w.indexOf('=') > 0) {
                params.put(w.substring(0, w.indexOf('=')), w.substring(w.indexOf('=') + 1));
            } else {
                return new BotRequest.Ask(String.join(" ", words));
            }
        }
        return new BotRequest.RunDiagnostic(agent, words.get(1), params);
    }
}
