package io.runbookbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The settings table is the only place a variable name is spelled: no string literal in the main
 * sources names one, and the README's settings table lists exactly the table's variables.
 */
class SettingNamesTest {
    private static final Path MAIN = Path.of("src", "main", "java");
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Test
    void noMainSourceButTheTableSpellsAVariableName() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String relative = MAIN.relativize(file).toString().replace('\\', '/');
                if (relative.endsWith("app/Setting.java")) {
                    continue;
                }
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = STRING.matcher(lines.get(i));
                    while (m.find()) {
                        for (Setting s : Setting.values()) {
                            if (Pattern.compile("\\b" + s.variable() + "\\b")
                                    .matcher(m.group(1))
                                    .find()) {
                                offenders.add(relative + ":" + (i + 1) + " spells " + s.variable());
                            }
                        }
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void everyVariableTheImageSetsIsInTheTableAndNoLogDefaultsToTheUnwritableAppFolder() throws IOException {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        Matcher assignment = Pattern.compile("\\b([A-Z][A-Z0-9_]+)=").matcher(dockerfile);
        Set<String> set = new LinkedHashSet<>();
        while (assignment.find()) {
            set.add(assignment.group(1));
        }
        assertThat(set)
                .isNotEmpty()
                .allSatisfy(name -> assertThat(Settings.named(name)).as(name).isPresent());
        assertThat(set)
                .as("logs the image must point at its volume")
                .contains(
                        Setting.AUDIT_LOG.variable(),
                        Setting.FEEDBACK_LOG.variable(),
                        Setting.INVESTIGATION_LOG.variable(),
                        Setting.CACHE_DIR.variable());
    }

    @Test
    void theReadmeSettingsTableListsExactlyTheTablesVariables() throws IOException {
        List<String> readme = Files.readAllLines(Path.of("README.md"));
        int header = readme.indexOf(SettingsMarkdown.HEADER);
        Set<String> listed = new LinkedHashSet<>();
        Pattern name = Pattern.compile("`([A-Z][A-Z0-9_]+)`");
        for (int i = header + 2;
                header >= 0 && i < readme.size() && readme.get(i).startsWith("|");
                i++) {
            Matcher m = name.matcher(readme.get(i).split("\\|")[1]);
            while (m.find()) {
                listed.add(m.group(1));
            }
        }
        Set<String> table = Arrays.stream(Setting.values())
                .map(Setting::variable)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        assertThat(listed)
                .as("the README's settings table; replace it with:%n%s", SettingsMarkdown.table())
                .containsExactlyInAnyOrderElementsOf(table);
    }
}
