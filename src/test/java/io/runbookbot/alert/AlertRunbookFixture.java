package io.runbookbot.alert;

import io.runbookbot.search.IndexedRunbooks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A small runbook folder laid out like the corpus' alert runbooks, written to a temp folder. */
final class AlertRunbookFixture {
    static final UrlPrefix PROM = new UrlPrefix("https://runbooks.example.dev/runbooks/", "po/content/runbooks");
    static final UrlPrefix OPENSHIFT = new UrlPrefix("https://github.com/openshift/runbooks/blob/master/", "os");

    static final String FILLING_UP = """
            ---
            title: Node Filesystem Space Filling Up
            ---

            # NodeFilesystemSpaceFillingUp

            ## Meaning

            This alert fires when a filesystem is predicted to run out of space
            within the next hours. It is a warning first, then critical.

            ## Impact

            Processes that write to the filesystem fail.

            ## Diagnosis

            Check which mount is filling up and what listens on the exporter port:

            ```shell
            df -h
            pg_isready -h localhost -p 5432
            kubectl logs -n default exporter-0
            ```

            ## Mitigation

            Remove old logs and unused images.

            ```shell
            journalctl --vacuum-size=500M
            ```

            ### Grow the volume

            Resize the disk in the cloud console, then grow the filesystem.
            Only when cleaning did not free enough space.
            Ask the storage team first.
            """;

    static final String CRASH_LOOP = """
            # KubePodCrashLooping

            ## Meaning

            A pod keeps restarting after it crashes.

            ## Diagnosis

            Look at the previous container's logs and at the events of the pod.
            Compare with the last deployment.
            Check the exit code.
            """;

    static final String DESCRIBED_ONLY = """
            # OnlyDescribed

            ## Meaning

            Something happened and nobody wrote the steps.

            ## Impact

            Nothing much.
            """;

    private AlertRunbookFixture() {}

    static Path write(Path dir) {
        file(dir, "po/content/runbooks/node/NodeFilesystemSpaceFillingUp.md", FILLING_UP);
        file(dir, "po/content/runbooks/kubernetes/KubePodCrashLooping.md", CRASH_LOOP);
        file(
                dir,
                "os/alerts/cluster-monitoring-operator/KubePodCrashLooping.md",
                CRASH_LOOP.replace("A pod keeps restarting", "An OpenShift pod keeps restarting"));
        file(dir, "os/alerts/a-operator/TwinAlert.md", CRASH_LOOP.replace("KubePodCrashLooping", "TwinAlert"));
        file(dir, "os/alerts/b-operator/TwinAlert.md", CRASH_LOOP.replace("KubePodCrashLooping", "TwinAlert"));
        file(dir, "os/alerts/OnlyDescribed.md", DESCRIBED_ONLY);
        return dir;
    }

    static AlertSections sections(IndexedRunbooks indexed, UrlPrefix... prefixes) {
        return new AlertSections(indexed.runbooks(), indexed, List.of(prefixes));
    }

    private static void file(Path dir, String name, String text) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
