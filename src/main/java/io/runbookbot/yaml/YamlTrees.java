package io.runbookbot.yaml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads YAML into a Jackson tree, for every YAML file the bot and the agent read. A key given twice
 * in one mapping is an error, not "the last one wins". Jackson reads an alias ({@code *name}) as
 * the anchor's name instead of expanding it, so an alias bomb stays as small as its text. An empty
 * document reads as a missing node.
 */
public final class YamlTrees {
    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private YamlTrees() {}

    /** @throws JsonProcessingException for text that is not YAML, with its location */
    public static JsonNode read(String yaml) throws JsonProcessingException {
        return MAPPER.readTree(yaml);
    }

    /** @throws JsonProcessingException for text that is not YAML; other IOExceptions when unreadable */
    public static JsonNode read(Path file) throws IOException {
        JsonNode root = MAPPER.readTree(file.toFile());
        return root == null ? MAPPER.missingNode() : root;
    }
}
