package io.runbookbot.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mangled copies of a real notification (truncated, bytes replaced, inserted or dropped): each one
 * either parses or is refused with an {@link AlertPayloadException}; no other exception escapes to
 * become a 500 or a dead request thread. The seed is printed so a failure can be replayed.
 */
class AlertPayloadsFuzzTest {
    private static final byte[] SPECIAL = "{}[]\":,\\0-e.tfn \u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void everyMangledBodyParsesOrIsRefusedWithAReason() {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("AlertPayloadsFuzzTest seed " + seed + " (replay: -Dfuzz.seed=" + seed + ")");
        Random random = new Random(seed);
        byte[] original = AlertPayloadsTest.ALERTMANAGER.getBytes(StandardCharsets.UTF_8);
        int parsed = 0;
        int refused = 0;
        for (int i = 0; i < 3_000; i++) {
            byte[] body = mangle(original, random);
            try {
                AlertPayloads.parse(body);
                parsed++;
            } catch (AlertPayloadException e) {
                assertThat(e.getMessage()).isNotBlank();
                refused++;
            }
        }
        assertThat(parsed + refused).isEqualTo(3_000);
        assertThat(refused).as("most mangled bodies are refused").isGreaterThan(1_500);
    }

    private static byte[] mangle(byte[] original, Random random) {
        byte[] body = original.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(body.length);
            switch (random.nextInt(4)) {
                case 0 -> body = java.util.Arrays.copyOf(body, at);
                case 1 -> body[at] = SPECIAL[random.nextInt(SPECIAL.length)];
                case 2 -> body = splice(body, at, new byte[] {SPECIAL[random.nextInt(SPECIAL.length)]}, 0);
                default -> body = splice(body, at, new byte[0], Math.min(1 + random.nextInt(20), body.length - at));
            }
            if (body.length == 0) {
                return body;
            }
        }
        return body;
    }

    private static byte[] splice(byte[] body, int at, byte[] insert, int drop) {
        byte[] out = new byte[body.length + insert.length - drop];
        System.arraycopy(body, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(body, at + drop, out, at + insert.length, body.length - at - drop);
        return out;
    }
}
