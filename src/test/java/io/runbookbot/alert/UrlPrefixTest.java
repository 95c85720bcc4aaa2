package io.runbookbot.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UrlPrefixTest {
    @Test
    void parsesPrefixFolderPairsInOrderWithTheFolderAfterTheLastEquals() {
        assertThat(UrlPrefix.parseList(
                        " https://runbooks.prometheus-operator.dev/runbooks/=prometheus-operator__runbooks/content/runbooks,"
                                + "https://wiki.example/view?page==team ,, "))
                .containsExactly(
                        new UrlPrefix(
                                "https://runbooks.prometheus-operator.dev/runbooks/",
                                "prometheus-operator__runbooks/content/runbooks"),
                        new UrlPrefix("https://wiki.example/view?page=", "team"));
        assertThat(UrlPrefix.parseList("  ")).isEmpty();
    }

    @Test
    void refusesAPairWithoutFolderAndAFolderOutsideTheRunbooks() {
        assertThatThrownBy(() -> UrlPrefix.parseList("https://x/"))
                .hasMessage("runbook_url prefix \"https://x/\" is not PREFIX=FOLDER"
                        + " (e.g. https://runbooks.example.com/=team-runbooks)");
        assertThatThrownBy(() -> UrlPrefix.parseList("https://x/=../etc"))
                .hasMessageContaining("must be relative to the runbooks folder, without ..");
        assertThatThrownBy(() -> UrlPrefix.parseList("https://x/=/etc"))
                .hasMessageContaining("must be relative to the runbooks folder");
    }

    @Test
    void matchesAnyCaseAndGivesTheRestAsWritten() {
        UrlPrefix p = new UrlPrefix("https://Runbooks.Example/", "rb");

        assertThat(p.rest("HTTPS://runbooks.example/Node/Foo.md")).contains("Node/Foo.md");
        assertThat(p.rest("https://other.example/Node")).isEmpty();
    }
}
