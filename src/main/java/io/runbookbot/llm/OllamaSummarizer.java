package io.runbookbot.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import io.runbookbot.core.CircuitBreaker;
import io.runbookbot.core.RunbookSection;
import io.runbookbot.core.Summarizer;
import io.runbookbot.core.Summary;
import io.runbookbot.redact.Redactor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grounded summaries from an Ollama chat model: the prompt holds the shown section (redacted) and
 * the question, from the templates {@value #SYSTEM_TEMPLATE} and {@value #USER_TEMPLATE}; the reply
 * is kept only when every command, path, flag and value in it appears in the section, and is then
 * redacted. One call has a hard deadline (the timeout); any failure means no summary, and after a
 * failure the model is left alone for a cool-down. Thread-safe; close it to stop its threads.
 */
public final class OllamaSummarizer implements Summarizer, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OllamaSummarizer.class);
    public static final String SYSTEM_TEMPLATE = "summary-system.md";
    public static final String USER_TEMPLATE = "summary-user.md";
    /** What the model answers, alone, when the section does not answer the question. */
    public static final String NOT_IN_SECTION = "NOT_IN_SECTION";

    public static final String DOES_NOT_ANSWER =
            "This section does not seem to answer your question; read it, or try the next match.";
    /** Longer replies are cut at a line or sentence end. */
    static final int MAX_CHARS = 800;

    private static final int MAX_TOKENS = 300;
    private static final int MAX_CONCURRENT = 4;

    private final ChatModel model;
    private final String modelName;
    private final PromptTemplates prompts;
    private final Duration deadline;
    private final CircuitBreaker breaker;
    private final ThreadPoolExecutor executor;
    private final AtomicReference<String> lastPromptError = new AtomicReference<>("");

    private OllamaSummarizer(Builder b) {
        this.modelName = b.model;
        this.prompts = new PromptTemplates(b.prompts);
        this.deadline = b.timeout;
        this.breaker = new CircuitBreaker(b.cooldown, b.clock);
        this.model = OllamaChatModel.builder()
                .baseUrl(b.baseUrl)
                .modelName(b.model)
                .temperature(0.0)
                .numPredict(MAX_TOKENS)
                .timeout(b.timeout)
                .maxRetries(0)
                .build();
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(0, MAX_CONCURRENT, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "summary-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * @param baseUrl the Ollama server, e.g. {@code http://127.0.0.1:11434}
     * @param model   the chat model, e.g. {@code llama3.1}
     */
    public static Builder builder(String baseUrl, String model) {
        return new Builder(baseUrl, model);
    }

    @Override
    public Optional<Summary> summarize(String question, RunbookSection section) {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(section, "section");
        if (!breaker.allows()) {
            LOG.debug(
                    "No summary for {}: the chat model failed less than {} s ago",
                    section.location(),
                    breaker.cooldown().toSeconds());
            return Optional.empty();
        }
        String text = Redactor.redact(section.text());
        return prompt(question, section, text).flatMap(p -> call(p, section)).flatMap(r -> review(r, text, section));
    }

    private Optional<Prompt> prompt(String question, RunbookSection section, String text) {
        Map<String, String> values = Map.of(
                "question",
                question.strip(),
                "title",
                section.title(),
                "heading",
                section.heading(),
                "path",
                String.join(" > ", section.path()),
                "section",
                text,
                "source",
                section.file() + ":" + section.line() + "-" + section.endLine(),
                "not_in_section",
                NOT_IN_SECTION);
        try {
            Prompt prompt = new Prompt(prompts.render(SYSTEM_TEMPLATE, values), prompts.render(USER_TEMPLATE, values));
            lastPromptError.set("");
            return Optional.of(prompt);
        } catch (PromptException e) {
            if (!e.getMessage().equals(lastPromptError.getAndSet(e.getMessage()))) {
                LOG.warn("No summaries until the prompt template is fixed: {}", e.getMessage());
            }
            return Optional.empty();
        }
    }

    private Optional<String> call(Prompt prompt, RunbookSection section) {
        Future<String> reply;
        try {
            reply = executor.submit(
                    () -> model.chat(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user()))
                            .aiMessage()
                            .text());
        } catch (RejectedExecutionException e) {
            LOG.info("No summary for {}: {} summaries already running", section.location(), MAX_CONCURRENT);
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(reply.get(deadline.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            reply.cancel(true);
            return failed("no reply within " + deadline.toMillis() + " ms");
        } catch (ExecutionException e) {
            return failed(e.getCause().getClass().getSimpleName() + ": "
                    + e.getCause().getMessage());
        } catch (InterruptedException e) {
            reply.cancel(true);
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private Optional<String> failed(String why) {
        if (breaker.trip()) {
            LOG.warn(
                    "Chat model {} failed ({}); no summaries for the next {} s",
                    modelName,
                    why,
                    breaker.cooldown().toSeconds());
        } else {
            LOG.debug("Chat model {} failed again: {}", modelName, why);
        }
        return Optional.empty();
    }

    private Optional<Summary> review(String reply, String sectionText, RunbookSection section) {
        String text = reply.strip();
        if (text.contains(NOT_IN_SECTION)) {
            return Optional.of(new Summary(DOES_NOT_ANSWER, modelName, false));
        }
        Optional<String> capped = Capped.of(text, MAX_CHARS);
        if (capped.isEmpty()) {
            LOG.info("Summary for {} dropped: empty, or cut inside a code span", section.location());
            return Optional.empty();
        }
        Optional<String> invented = Grounding.unsupported(capped.get(), sectionText);
        if (invented.isPresent()) {
            LOG.info("Summary for {} dropped: \"{}\" is not in the section", section.location(), invented.get());
            return Optional.empty();
        }
        return Optional.of(new Summary(Redactor.redact(capped.get()), modelName, true));
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private record Prompt(String system, String user) {}

    /** Settings for an {@link OllamaSummarizer}; only the server and model are required. */
    public static final class Builder {
        private final String baseUrl;
        private final String model;
        private Duration timeout = Duration.ofSeconds(10);
        private Path prompts = Path.of("prompts");
        private Duration cooldown = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();

        private Builder(String baseUrl, String model) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            this.model = Objects.requireNonNull(model, "model");
        }

        /** @param timeout the hard deadline of one summary, the model's HTTP timeout too */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** @param prompts the folder holding the summary templates */
        public Builder prompts(Path prompts) {
            this.prompts = Objects.requireNonNull(prompts, "prompts");
            return this;
        }

        /** @param cooldown how long to leave the model alone after a failure */
        public Builder cooldown(Duration cooldown) {
            this.cooldown = Objects.requireNonNull(cooldown, "cooldown");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public OllamaSummarizer build() {
            return new OllamaSummarizer(this);
        }
    }
}
