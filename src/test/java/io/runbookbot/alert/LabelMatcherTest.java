package io.runbookbot.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelMatcherTest {
    private static final Map<String, String> PAYMENTS =
            Map.of("alertname", "KubePodNotReady", "namespace", "payments", "severity", "critical", "job", "a.b");

    @Test
    void readsEachOperatorWithQuotedOrBareValues() {
        assertThat(LabelMatcher.parse("namespace=\"payments\"").operator()).isEqualTo(LabelMatcher.Operator.EQUAL);
        assertThat(LabelMatcher.parse("namespace != payments").operator()).isEqualTo(LabelMatcher.Operator.NOT_EQUAL);
        assertThat(LabelMatcher.parse("severity=~\"critical|warning\"").value()).isEqualTo("critical|warning");
        assertThat(LabelMatcher.parse("  severity !~ info ").toString()).isEqualTo("severity!~\"info\"");
    }

    @Test
    void equalityAndRegexMatchTheWholeValue() {
        assertThat(matches("severity=~\"critical|warning\"")).isTrue();
        assertThat(matches("severity=~\"crit\""))
                .as("anchored: no prefix match")
                .isFalse();
        assertThat(matches("severity=~\"crit.*\"")).isTrue();
        assertThat(matches("severity!~\"critical|warning\"")).isFalse();
        assertThat(matches("namespace=\"payments\"")).isTrue();
        assertThat(matches("namespace=\"pay\"")).isFalse();
        assertThat(matches("namespace!=\"payments\"")).isFalse();
    }

    @Test
    void anEqualityValueIsLiteralNotARegex() {
        assertThat(matches("job=\"a.b\"")).isTrue();
        assertThat(LabelMatcher.parse("job=\"a.b\"").matches(Map.of("job", "axb")))
                .isFalse();
        assertThat(LabelMatcher.parse("pod=\"<!channel>\"").matches(Map.of("pod", "<!channel>")))
                .isTrue();
    }

    @Test
    void aMissingLabelMatchesAsTheEmptyStringAsInAlertmanager() {
        assertThat(matches("team=\"\"")).isTrue();
        assertThat(matches("team!=\"platform\"")).isTrue();
        assertThat(matches("team=~\".+\"")).isFalse();
        assertThat(matches("team!~\".+\"")).isTrue();
    }

    @Test
    void quotedValuesUnescapeAndPrintBackTheSame() {
        LabelMatcher m = LabelMatcher.parse("summary=\"say \\\"hi\\\" \\\\ now\"");

        assertThat(m.value()).isEqualTo("say \"hi\" \\ now");
        assertThat(LabelMatcher.parse(m.toString())).isEqualTo(m);
        assertThat(LabelMatcher.parse("path=~\"/var/.*\\\\.log\"").matches(Map.of("path", "/var/x.log")))
                .isTrue();
    }

    @Test
    void refusesMalformedMatchersSayingWhatIsWrong() {
        assertRefused("=\"x\"", "a matcher starts with a label name");
        assertRefused("severity critical", "expected one of =, !=, =~, !~ after the label name");
        assertRefused("severity=\"critical", "the value's quote is not closed");
        assertRefused("severity=\"critical\" extra", "text after the closing quote");
        assertRefused("severity=crit\"ical", "a value with a \" must be quoted");
        assertRefused("severity=\"\\d\"", "unknown escape \\d");
        assertRefused("x".repeat(2000) + "=\"y\"", "more than the limit of 1024");
    }

    @Test
    void refusesRegexFeaturesRe2DoesNotHave() {
        assertRefused("severity=~\"(a)\\\\1\"", "not an RE2 regular expression");
        assertRefused("severity=~\"(?=crit)crit\"", "not an RE2 regular expression");
        assertRefused("severity=~\"[unclosed\"", "not an RE2 regular expression");
    }

    @Test
    void aCatastrophicBacktrackingRegexStaysLinearOnALongLabelValue() {
        LabelMatcher nested = LabelMatcher.parse("pod=~\"(a+)+b\"");
        LabelMatcher repeated = LabelMatcher.parse("pod=~\"(.*a){12}\"");
        String longValue = "a".repeat(250_000);
        long start = System.nanoTime();

        assertThat(nested.matches(Map.of("pod", longValue))).isFalse();
        assertThat(repeated.matches(Map.of("pod", longValue + "b"))).isFalse();
        // java.util.regex took 133 s for (.*a){12} on 41 characters on the dev machine; RE2 is linear
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    private static boolean matches(String text) {
        return LabelMatcher.parse(text).matches(PAYMENTS);
    }

    private static void assertRefused(String text, String reason) {
        assertThatThrownBy(() -> LabelMatcher.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }
}
