package io.runbookbot.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.TimeoutException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;

/** Names why a call to the model failed, in words for the user (never the exception text). */
final class ModelFailures {
    private ModelFailures() {}

    static String reason(Throwable failure) {
        List<Throwable> chain = chain(failure);
        if (has(chain, ConnectException.class)) {
            return "Ollama is not reachable";
        }
        if (has(chain, HttpTimeoutException.class) || has(chain, TimeoutException.class)) {
            return "Ollama did not answer in time";
        }
        if (has(chain, ModelNotFoundException.class)) {
            return "the chat model is not pulled on the Ollama server";
        }
        for (Throwable t : chain) {
            if (t instanceof HttpException http) {
                return "Ollama answered HTTP " + http.statusCode();
            }
        }
        if (has(chain, InternalServerException.class)) {
            return "Ollama answered a server error";
        }
        if (has(chain, JsonProcessingException.class)) {
            return "Ollama sent a reply that is not valid JSON";
        }
        return "Ollama failed: " + failure.getClass().getSimpleName();
    }

    private static boolean has(List<Throwable> chain, Class<? extends Throwable> type) {
        return chain.stream().anyMatch(type::isInstance);
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
