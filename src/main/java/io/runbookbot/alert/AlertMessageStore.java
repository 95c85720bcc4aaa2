package io.runbookbot.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which chat message shows an alert group: (groupKey, route, platform) to the message posted
 * (channel, message id, thread id) and the state it last showed (fingerprints firing and resolved),
 * so a repeat, an Alertmanager retry or a bot restart updates that message instead of posting a
 * second one. One JSON file per group, named by the SHA-256 of its key (no text from outside in a
 * path), replaced atomically ({@link DurableFiles}) before {@link #put} returns. At {@link #open} an
 * unfinished write is removed and a damaged file set aside in {@code corrupt/}, each reported; the
 * others are kept. Safe for concurrent use.
 */
public final class AlertMessageStore {
    private static final Logger LOG = LoggerFactory.getLogger(AlertMessageStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int VERSION = 1;
    private static final String SUFFIX = ".json";
    private static final int MAX_KEY_CHARS = 16_384;
    private static final int MAX_NAME_CHARS = 256;
    private static final int MAX_FINGERPRINTS = 10_000;

    /** An alert group as one route shows it on one platform. */
    public record Key(String groupKey, String route, String platform) {
        public Key {
            check("groupKey", groupKey, MAX_KEY_CHARS);
            check("route", route, MAX_NAME_CHARS);
            check("platform", platform, MAX_NAME_CHARS);
        }
    }

    /**
     * The message that shows a group and what it last showed.
     *
     * @param messageId the platform's id of the message; empty while {@link #pending} (being posted)
     * @param threadId where change lines go, if not under {@code messageId} itself; empty if none
     */
    public record Posted(
            String channel,
            String messageId,
            String threadId,
            Set<String> firing,
            Set<String> resolved,
            Instant updatedAt) {
        public Posted {
            check("channel", channel, MAX_NAME_CHARS);
            if (messageId.length() > MAX_NAME_CHARS || threadId.length() > MAX_NAME_CHARS) {
                throw new IllegalArgumentException(
                        "message and thread ids are at most " + MAX_NAME_CHARS + " characters");
            }
            if (firing.size() + resolved.size() > MAX_FINGERPRINTS) {
                throw new IllegalArgumentException("more than " + MAX_FINGERPRINTS + " fingerprints in one group");
            }
            firing = sorted(firing);
            resolved = sorted(resolved);
        }

        /**
         * Recorded before a first post: if the bot stops between posting and recording the id, the
         * next send finds this and looks for the message on the platform by the group's marker
         * ({@link GroupSend}) before posting, instead of silently posting a second one; {@code at},
         * the first attempt's time, bounds how far back it looks.
         */
        public static Posted pending(String channel, Set<String> firing, Set<String> resolved, Instant at) {
            return new Posted(channel, "", "", firing, resolved, at);
        }

        /** The message is being posted: its id is not known yet. */
        public boolean isPending() {
            return messageId.isEmpty();
        }

        /** Every alert of the group has resolved. */
        public boolean allResolved() {
            return firing.isEmpty();
        }
    }

    /** What {@link #open} found: groups kept and each problem it set aside. */
    public record Recovery(int groups, List<String> problems) {
        public Recovery {
            problems = List.copyOf(problems);
        }
    }

    private final Path dir;
    private final Map<Key, Posted> groups = new LinkedHashMap<>();
    private final Recovery recovery;

    private AlertMessageStore(Path dir) throws IOException {
        this.dir = dir;
        this.recovery = load();
    }

    /** Opens (creating if needed) the store in {@code dir}, with every group a previous run kept. */
    public static AlertMessageStore open(Path dir) throws IOException {
        Files.createDirectories(dir);
        return new AlertMessageStore(dir);
    }

    public Recovery recovery() {
        return recovery;
    }

    public synchronized Optional<Posted> get(Key key) {
        return Optional.ofNullable(groups.get(key));
    }

    /** Records (replacing) the message of {@code key}; on disk before this returns. */
    public synchronized void put(Key key, Posted posted) throws IOException {
        DurableFiles.write(file(key), encode(key, posted));
        groups.put(key, posted);
    }

    public synchronized void remove(Key key) throws IOException {
        if (groups.remove(key) != null) {
            DurableFiles.delete(file(key));
        }
    }

    /** Forgets the groups last updated before {@code cutoff} (e.g. resolved long ago); returns how many. */
    public synchronized int removeUpdatedBefore(Instant cutoff) throws IOException {
        List<Key> old = groups.entrySet().stream()
                .filter(e -> e.getValue().updatedAt().isBefore(cutoff))
                .map(Map.Entry::getKey)
                .toList();
        for (Key key : old) {
            remove(key);
        }
        return old.size();
    }

    public synchronized Map<Key, Posted> all() {
        return Map.copyOf(groups);
    }

    private Recovery load() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir)) {
            listing.forEach(files::add);
        }
        files.sort(null);
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (DurableFiles.isLeftover(file)) {
                problems.add("removed " + name + ", a write a crash interrupted; the group's previous state is kept");
                Files.delete(file);
            } else if (name.endsWith(SUFFIX) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                load(file, problems);
            }
        }
        problems.forEach(p -> LOG.warn("alert message store {}: {}", dir, p));
        return new Recovery(groups.size(), problems);
    }

    private void load(Path file, List<String> problems) throws IOException {
        String why;
        try {
            JsonNode node = JSON.readTree(Files.readAllBytes(file));
            Key key = new Key(text(node, "groupKey"), text(node, "route"), text(node, "platform"));
            if (node.path("version").asInt() != VERSION) {
                why = "not version " + VERSION;
            } else if (!file(key).equals(file)) {
                why = "its name does not match the group it holds";
            } else {
                groups.put(key, decode(node));
                return;
            }
        } catch (IOException | IllegalArgumentException | java.time.DateTimeException e) {
            why = e.getClass().getSimpleName() + ": " + firstLine(e.getMessage());
        }
        Path corrupt = Files.createDirectories(dir.resolve("corrupt"));
        Files.move(file, corrupt.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        DurableFiles.forceFolder(dir);
        problems.add(file.getFileName() + " is damaged (" + why + "); moved to corrupt/, the other groups are"
                + " kept; that group's message is no longer known");
    }

    private static byte[] encode(Key key, Posted posted) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        node.put("version", VERSION);
        node.put("groupKey", key.groupKey());
        node.put("route", key.route());
        node.put("platform", key.platform());
        node.put("channel", posted.channel());
        node.put("messageId", posted.messageId());
        node.put("threadId", posted.threadId());
        posted.firing().forEach(node.putArray("firing")::add);
        posted.resolved().forEach(node.putArray("resolved")::add);
        node.put("updatedAt", posted.updatedAt().toString());
        return JSON.writeValueAsBytes(node);
    }

    private static Posted decode(JsonNode node) {
        return new Posted(
                text(node, "channel"),
                text(node, "messageId"),
                text(node, "threadId"),
                strings(node, "firing"),
                strings(node, "resolved"),
                Instant.parse(text(node, "updatedAt")));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("no text field " + field);
        }
        return value.asText();
    }

    private static Set<String> strings(JsonNode node, String field) {
        Set<String> out = new TreeSet<>();
        node.path(field).forEach(v -> out.add(v.isTextual() ? v.asText() : v.toString()));
        return out;
    }

    private Path file(Key key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(key.groupKey(), key.route(), key.platform())) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return dir.resolve(HexFormat.of().formatHex(sha.digest()) + SUFFIX);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static SortedSet<String> sorted(Set<String> values) {
        return java.util.Collections.unmodifiableSortedSet(new TreeSet<>(values));
    }

    private static void check(String name, String value, int max) {
        if (value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException(name + " must be 1 to " + max + " characters");
        }
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message;
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
