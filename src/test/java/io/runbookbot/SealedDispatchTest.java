package io.runbookbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Replies, diagnostic reports and agent run outcomes are read through their visitors, never with
 * {@code instanceof} or a cast (requests: never with a cast; a single-kind test such as "is this
 * feedback" stays legal): with a visitor, a new variant is a compile error until every front end
 * handles it; with a cast it compiles and fails at run time.
 */
class SealedDispatchTest {
    private static final Path MAIN = Path.of("src", "main", "java", "io", "runbookbot");
    private static final Pattern DISPATCH =
            Pattern.compile("instanceof\\s+(?:BotReply|DiagnosticReport|RunOutcome)\\.\\w+"
                    + "|\\(\\s*(?:BotReply|BotRequest|DiagnosticReport|RunOutcome)\\.[A-Z]\\w*\\s*\\)\\s*\\w");

    @Test
    void noMainSourceDispatchesOnASealedReplyWithInstanceofOrACast() throws IOException {
        List<String> offenders = new ArrayList<>();
        int read = 0;
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file :
                    files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                read++;
                List<String> lines = lines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = DISPATCH.matcher(lines.get(i));
                    if (m.find()) {
                        offenders.add(file + ":" + (i + 1) + ": " + m.group());
                    }
                }
            }
        }
        assertThat(read).as("java files read").isGreaterThan(10);
        assertThat(offenders)
                .as("use BotReply.Visitor, DiagnosticReport.Visitor or RunOutcome.Visitor")
                .isEmpty();
    }

    @Test
    void thePatternCatchesTheDispatchItForbids() {
        assertThat(DISPATCH.matcher("if (reply instanceof BotReply.SectionAnswer a) {")
                        .find())
                .isTrue();
        assertThat(DISPATCH.matcher("return text(((BotReply.Text) reply).text());")
                        .find())
                .isTrue();
        assertThat(DISPATCH.matcher("answer(429, ((RunOutcome.Busy) outcome).reason())")
                        .find())
                .isTrue();
        assertThat(DISPATCH.matcher(".map(r -> (BotRequest.RunDiagnostic) r)").find())
                .isTrue();
        assertThat(DISPATCH.matcher("return reply.accept(new BotReply.Visitor<String>() {")
                        .find())
                .isFalse();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
