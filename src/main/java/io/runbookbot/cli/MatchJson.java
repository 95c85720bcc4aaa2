package io.runbookbot.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runbookbot.core.Answer;
import io.runbookbot.core.DiagnosticSuggestion;
import io.runbookbot.core.RunbookSection;
import io.runbookbot.core.SectionHit;
import io.runbookbot.core.Summary;
import java.util.List;
import java.util.Optional;

/** The public JSON shape of matches, shared by {@code ask --json} and {@code search --jsonl}. */
final class MatchJson {
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private MatchJson() {}

    /** {@code {"answered": .., "matches": [{file, heading, path, line, end_line, score}]}}. */
    static ObjectNode answer(ObjectNode into, Answer answer, boolean withText) {
        into.put("answered", answer.answered());
        ArrayNode matches = into.putArray("matches");
        for (SectionHit h : answer.hits()) {
            ObjectNode m = match(matches.addObject(), h);
            if (withText) {
                m.put("text", h.section().text());
            }
        }
        return into;
    }

    /** {@code "diagnostics": [{id, params, command, line, source}]} for the best section. */
    static void suggestions(ObjectNode into, List<DiagnosticSuggestion> suggestions) {
        ArrayNode list = into.putArray("diagnostics");
        for (DiagnosticSuggestion s : suggestions) {
            ObjectNode d = list.addObject().put("id", s.commandId());
            ObjectNode params = d.putObject("params");
            s.params().forEach(params::put);
            d.put("command", s.command()).put("line", s.sourceLineNumber()).put("source", s.sourceLine());
        }
    }

    /** {@code "notices": [...]} when there are any. */
    static void notices(ObjectNode into, List<String> notices) {
        if (!notices.isEmpty()) {
            ArrayNode list = into.putArray("notices");
            notices.forEach(list::add);
        }
    }

    /** {@code "summary": {text, model, answers_question, label}}, or {@code null} when none was made. */
    static void summary(ObjectNode into, Optional<Summary> summary) {
        summary.ifPresentOrElse(
                s -> into.putObject("summary")
                        .put("text", s.text())
                        .put("model", s.model())
                        .put("answers_question", s.answersQuestion())
                        .put("label", s.label()),
                () -> into.putNull("summary"));
    }

    private static ObjectNode match(ObjectNode m, SectionHit h) {
        RunbookSection s = h.section();
        m.put("file", s.file());
        m.put("heading", s.heading());
        ArrayNode path = m.putArray("path");
        s.path().forEach(path::add);
        m.put("line", s.line());
        m.put("end_line", s.endLine());
        m.put("score", Math.round(h.score() * 10000) / 10000.0);
        return m;
    }
}
