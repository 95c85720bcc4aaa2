package io.runbookbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every library the main code imports is one the pom declares, so none is used only because another
 * library happens to bring it (Gson came with the Slack SDK and was used beside Jackson): dropping
 * or upgrading the other library could remove or change it without a word.
 */
class DeclaredLibrariesTest {
    /** Package prefix → the artifact in the pom that provides it. */
    private static final Map<String, String> LIBRARIES = Map.ofEntries(
            Map.entry("com.fasterxml.jackson.dataformat.yaml.", "jackson-dataformat-yaml"),
            Map.entry("com.fasterxml.jackson.", "jackson-databind"),
            Map.entry("com.github.benmanes.caffeine.", "caffeine"),
            Map.entry("com.google.re2j.", "re2j"),
            Map.entry("com.slack.api.bolt.socket_mode.", "bolt-socket-mode"),
            Map.entry("com.slack.api.", "bolt"),
            Map.entry("dev.langchain4j.model.ollama.", "langchain4j-ollama"),
            Map.entry("dev.langchain4j.", "langchain4j"),
            Map.entry("io.micrometer.", "micrometer-registry-prometheus"),
            Map.entry("net.dv8tion.jda.", "JDA"),
            Map.entry("org.apache.lucene.analysis.", "lucene-analysis-common"),
            Map.entry("org.apache.lucene.", "lucene-core"),
            Map.entry("org.commonmark.", "commonmark"),
            Map.entry("org.eclipse.jetty.", "jetty-server"),
            Map.entry("org.jspecify.", "jspecify"),
            Map.entry("org.slf4j.", "slf4j-api"),
            Map.entry("picocli.", "picocli"));

    private static final Pattern IMPORT = Pattern.compile("(?m)^import\\s+(?:static\\s+)?([\\w.]+)");
    private static final Set<String> JDK = Set.of("java.", "javax.", "jdk.", "sun.misc.", "io.runbookbot.");

    @Test
    void everyImportedLibraryIsDeclaredInThePom() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Set<String> undeclared = new TreeSet<>();
        Set<String> used = new TreeSet<>();
        for (String name : imports()) {
            if (JDK.stream().anyMatch(name::startsWith)) {
                continue;
            }
            String artifact = LIBRARIES.entrySet().stream()
                    .filter(e -> name.startsWith(e.getKey()))
                    .max(Map.Entry.comparingByKey((a, b) -> a.length() - b.length()))
                    .map(Map.Entry::getValue)
                    .orElse("?");
            used.add(artifact);
            if (!pom.contains("<artifactId>" + artifact + "</artifactId>")) {
                undeclared.add(name);
            }
        }
        assertThat(used)
                .as("libraries found, so the rule cannot pass vacuously")
                .contains("jackson-databind", "bolt");
        assertThat(undeclared)
                .as("imports of libraries the pom does not declare")
                .isEmpty();
    }

    private static Set<String> imports() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }
}
