package io.runbookbot.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextChunksTest {
    private static final String PARAGRAPH = "Check the port. ".repeat(20).strip();
    private static final String CODE = "```bash\n" + "lsof -i :8000\n".repeat(60) + "```";

    @Test
    void keepsShortTextInOnePiece() {
        assertThat(TextChunks.split("one\n\ntwo", 100)).containsExactly("one\n\ntwo");
    }

    @Test
    void cutsAtParagraphBoundariesWithinTheLimit() {
        String text = String.join("\n\n", PARAGRAPH, PARAGRAPH, PARAGRAPH);

        List<String> pieces = TextChunks.split(text, 700);

        assertThat(pieces).hasSize(2).allMatch(p -> p.length() <= 700);
        assertThat(pieces.get(0)).isEqualTo(PARAGRAPH + "\n\n" + PARAGRAPH);
        assertThat(pieces.get(1)).isEqualTo(PARAGRAPH);
    }

    @Test
    void neverCutsInsideACodeBlockThatFits() {
        List<String> pieces = TextChunks.split(PARAGRAPH + "\n\n" + CODE, CODE.length() + 10);

        assertThat(pieces).containsExactly(PARAGRAPH, CODE);
    }

    @Test
    void refencesEachPartOfACodeBlockTooLongForOnePiece() {
        List<String> pieces = TextChunks.split(CODE, 300);

        assertThat(pieces)
                .hasSizeGreaterThan(1)
                .allMatch(p -> p.length() <= 300)
                .allMatch(p -> p.startsWith("```bash\n") && p.endsWith("\n```"));
        assertThat(String.join("", pieces).replace("```bash\n", "").replace("\n```", "\n"))
                .isEqualTo("lsof -i :8000\n".repeat(60));
    }

    @Test
    void keepsBlankLinesInsideCodeBlocksInTheSamePiece() {
        String code = "```\na\n\nb\n```";

        assertThat(TextChunks.split("intro\n\n" + code, 1000)).containsExactly("intro\n\n" + code);
    }

    @Test
    void headAddsTheMoreLinkOnlyWhenSomethingWasLeftOut() {
        assertThat(TextChunks.head("short", 100, "… more")).isEqualTo("short");
        String cut = TextChunks.head(String.join("\n\n", PARAGRAPH, PARAGRAPH), 400, "… full section: x.md:10");

        assertThat(cut)
                .hasSizeLessThanOrEqualTo(400)
                .endsWith("… full section: x.md:10")
                .startsWith(PARAGRAPH);
    }
}
