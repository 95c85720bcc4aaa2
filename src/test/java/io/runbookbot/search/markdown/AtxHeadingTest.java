package io.runbookbot.search.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AtxHeadingTest {
    /** The expression AtxHeading replaces (the eval's headings.py). */
    private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");

    private static final String ALPHABET = "  \t####ab\u2028\r";

    @Test
    void givesTheSameTextAsTheExpressionOnRandomLines() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder line = new StringBuilder();
            int length = random.nextInt(14);
            for (int i = 0; i < length; i++) {
                line.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String l = line.toString();
            Matcher m = ATX.matcher(l);
            Optional<String> expected =
                    m.matches() ? Optional.of(m.group(2) == null ? "" : m.group(2)) : Optional.empty();
            assertThat(AtxHeading.text(l)).as("line [%s], seed %d", l, seed).isEqualTo(expected);
        }
    }

    @Test
    void readsA200KbHeadingLineWithARunOfBlanksInLinearTime() {
        long start = System.nanoTime();

        assertThat(AtxHeading.text("# a" + " ".repeat(200_000) + "b ##")).contains("a" + " ".repeat(200_000) + "b");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_000); // the expression took 580 s
    }
}
