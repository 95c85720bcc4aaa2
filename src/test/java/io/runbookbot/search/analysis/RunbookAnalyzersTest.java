package io.runbookbot.search.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.search.index.Fields;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

class RunbookAnalyzersTest {
    private final Analyzer index = RunbookAnalyzers.incidentEnglish();
    private final Analyzer query = RunbookAnalyzers.incidentEnglishQuery();

    private List<String> terms(String text) {
        return RunbookAnalyzers.terms(index, Fields.BODY, text);
    }

    @Test
    void splitsCamelCaseAlertNameIntoWordsAndKeepsTheWholeIdentifier() {
        assertThat(terms("KubePodCrashLooping")).containsExactly("kubepodcrashloop", "kube", "pod", "crash", "loop");
    }

    @Test
    void keepsErrnoNumberAsItsOwnTerm() {
        assertThat(terms("OSError: [Errno 98] Address already in use"))
                .containsExactly("oserror", "errno", "98", "address", "alreadi", "us");
    }

    @Test
    void keepsPortNumberWithoutItsColon() {
        assertThat(terms("nothing listens on :8000")).containsExactly("noth", "listen", "8000");
    }

    @Test
    void keepsHttpStatusCodeAsATerm() {
        assertThat(terms("502 Bad Gateway")).containsExactly("502", "bad", "gatewai");
    }

    @Test
    void lowerCasesAndStemsUpperCaseErrorCode() {
        assertThat(terms("ECONNREFUSED")).containsExactly("econnrefus");
    }

    @Test
    void keepsHostAndPortOfAConnectionErrorWholeAndInParts() {
        assertThat(terms("connect ECONNREFUSED 127.0.0.1:5432"))
                .containsExactly("connect", "econnrefus", "127.0.0.1", "127", "0", "1", "5432");
    }

    @Test
    void keepsSnakeCaseBinaryWholeAndSplitsItsParts() {
        assertThat(terms("pg_isready")).containsExactly("pg_isreadi", "pg", "isreadi");
    }

    @Test
    void stemsInflectionsOfAVerbToTheSameTerm() {
        assertThat(List.of(terms("restarting"), terms("restarts"), terms("restarted"), terms("restart")))
                .containsOnly(List.of("restart"));
    }

    @Test
    void dropsPossessiveS() {
        assertThat(terms("the node's disk")).containsExactly("node", "disk");
    }

    @Test
    void foldsAccentsToAscii() {
        assertThat(terms("Café")).containsExactly("cafe");
    }

    @Test
    void questionOfOnlyStopWordsHasNoTerms() {
        assertThat(terms("how do I ?")).isEmpty();
    }

    @Test
    void chatFillerHasNoTerms() {
        assertThat(terms("hi, please help, anyone know? thanks")).isEmpty();
    }

    @Test
    void keepsIncidentWordsThatOrdinaryStopListsDrop() {
        assertThat(terms("the db is down and not coming up")).containsExactly("db", "down", "not", "come", "up");
    }

    @Test
    void keepsOutAndOffAndNo() {
        assertThat(terms("out of memory, swap off, no space"))
                .containsExactly("out", "memori", "swap", "off", "no", "space");
    }

    @Test
    void dropsFillerAroundTheSymptom() {
        assertThat(terms("how do I fix the server, it is down")).containsExactly("fix", "server", "down");
    }

    @Test
    void queryChainGivesTheSameTermsAsTheIndexChain() {
        String text = "KubePodCrashLooping: pg_isready says 127.0.0.1:5432 ECONNREFUSED, pods restarting";

        assertThat(RunbookAnalyzers.terms(query, Fields.BODY, text)).isEqualTo(terms(text));
    }

    @Test
    void termsListsEachTermOnceInOrderOfFirstAppearance() {
        assertThat(terms("disk full, disk really full")).containsExactly("disk", "full", "realli");
    }
}
