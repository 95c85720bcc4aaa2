package io.runbookbot.redact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ControlCharsTest {
    @Test
    void redactionReplacesEscBelNulC1AndBidiOverridesAndKeepsNewlinesTabsAndUnicode() {
        String text = "a\u001b[31mb\u001b]0;t\u0007c\u0000d\u009be\u202Ef\u2066g\th\né—…日本";

        assertThat(Redactor.redact(text))
                .isEqualTo("a\uFFFD[31mb\uFFFD]0;t\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg\th\né—…日本");
    }

    @Test
    void carriageReturnsBecomeLineBreaksSoALineCannotBeOverwritten() {
        assertThat(Redactor.redact("rm -rf /tmp/cache\rls /tmp\r\nok\r")).isEqualTo("rm -rf /tmp/cache\nls /tmp\nok\n");
    }

    @Test
    void aControlCharacterCannotHideASecretFromRedaction() {
        assertThat(Redactor.redact("PASSWORD=\u001b[8mhunter2")).isEqualTo("PASSWORD=****");
    }

    @Test
    void cleaningTwiceChangesNothingMore() {
        String once = Redactor.redact("x\u001b\r\u009b");

        assertThat(Redactor.redact(once)).isEqualTo(once);
    }
}
