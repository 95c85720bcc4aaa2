package io.runbookbot.agent.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CappedOutputTest {

    private static CappedOutput read(byte[] bytes, int cap, AtomicInteger overflows) {
        CappedOutput output = new CappedOutput(new ByteArrayInputStream(bytes), cap, overflows::incrementAndGet);
        output.run();
        return output;
    }

    @Test
    void keepsEverythingUnderTheCap() {
        AtomicInteger overflows = new AtomicInteger();
        CappedOutput output = read("héllo".getBytes(StandardCharsets.UTF_8), 100, overflows);

        assertThat(output.text()).isEqualTo("héllo");
        assertThat(output.truncated()).isFalse();
        assertThat(overflows).hasValue(0);
    }

    @Test
    void signalsOverflowOnceAndDropsTheIncompleteLastCharacter() {
        AtomicInteger overflows = new AtomicInteger();
        // "a€b": € is 3 bytes; a cap of 3 keeps "a" and the first 2 bytes of €
        CappedOutput output = read("a€b".repeat(5000).getBytes(StandardCharsets.UTF_8), 3, overflows);

        assertThat(output.text()).isEqualTo("a");
        assertThat(output.truncated()).isTrue();
        assertThat(overflows).hasValue(1);
    }

    @Test
    void keepsAFourByteCharacterThatEndsExactlyAtTheCap() {
        CappedOutput output = read("x😀yz".getBytes(StandardCharsets.UTF_8), 5, new AtomicInteger());

        assertThat(output.text()).isEqualTo("x😀");
        assertThat(output.truncated()).isTrue();
    }

    @Test
    void replacesInvalidBytesWithQuestionMarksWithoutGrowing() {
        CappedOutput output = read(new byte[] {'o', 'k', (byte) 0xff, (byte) 0xfe, '!'}, 100, new AtomicInteger());

        assertThat(output.text()).isEqualTo("ok??!");
    }

    @Test
    void completeLengthCutsOnlyAnUnfinishedSequence() {
        assertThat(CappedOutput.completeLength("ab".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(2);
        assertThat(CappedOutput.completeLength(new byte[] {'a', (byte) 0xE2, (byte) 0x82}))
                .isEqualTo(1);
        assertThat(CappedOutput.completeLength(new byte[] {'a', (byte) 0xE2, (byte) 0x82, (byte) 0xAC}))
                .isEqualTo(4);
        assertThat(CappedOutput.completeLength(new byte[] {(byte) 0xC3})).isZero();
    }
}
