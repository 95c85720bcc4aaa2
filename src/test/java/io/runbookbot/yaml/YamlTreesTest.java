package io.runbookbot.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlTreesTest {

    @Test
    void readsAMappingAndAnEmptyFileAsAMissingNode(@TempDir Path dir) throws Exception {
        assertThat(YamlTrees.read("a: 1\nb: [x, y]\n").path("b").get(1).asText())
                .isEqualTo("y");
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "");
        assertThat(YamlTrees.read(empty).isMissingNode()).isTrue();
    }

    @Test
    void aKeyGivenTwiceIsAnErrorWithItsLineNotTheLastOneWinning() {
        assertThatThrownBy(() -> YamlTrees.read("port: 1\nname: x\nport: 2\n"))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("Duplicate field 'port'")
                .satisfies(e -> assertThat(
                                ((JsonProcessingException) e).getLocation().getLineNr())
                        .isEqualTo(3));
    }

    @Test
    void anAliasBombIsNotExpanded() throws Exception {
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [");
            bomb.append(("*a" + (i - 1) + ", ").repeat(9))
                    .append("*a")
                    .append(i - 1)
                    .append("]\n");
        }
        long start = System.nanoTime();
        JsonNode tree = YamlTrees.read(bomb.toString());
        assertThat(tree.path("a9").get(0).asText())
                .as("an alias reads as its anchor's name")
                .isEqualTo("a8");
        assertThat(tree.toString()).hasSizeLessThan(1000);
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms").isLessThan(2000);
    }
}
