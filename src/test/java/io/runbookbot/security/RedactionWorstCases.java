package io.runbookbot.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Texts that made redaction super-linear (issue 9, item 4), and more built the same way against
 * each rule: a secret's prefix repeated with nothing that ends it, so a scan that rescans the rest
 * of the text from each candidate is quadratic. Each is {@value #SIZE} characters.
 */
public final class RedactionWorstCases {
    /** 256 KiB of text. */
    public static final int SIZE = 256 * 1024;

    private RedactionWorstCases() {}

    /** Name to text, in a fixed order. */
    public static Map<String, String> all() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("xoxb- repeated", repeat("xoxb-"));
        cases.put("BEGIN RSA PRIVATE KEY without END", repeat("-----BEGIN RSA PRIVATE KEY-----"));
        cases.put("BEGIN PRIVATE KEY lines without END", repeat("-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n"));
        cases.put("a_token= repeated", repeat("a_token="));
        cases.put("password=\" repeated", repeat("password=\""));
        cases.put("a_token=' then a long line", "a_token='" + repeat("a_token=x "));
        cases.put("quoted value of escapes", "\"password\": \"" + repeat("\\x"));
        cases.put("token: repeated", repeat("token: "));
        cases.put("{password: repeated", repeat("{password: "));
        cases.put("://user: repeated", repeat("://u:p"));
        cases.put("Bearer repeated", repeat("Bearer "));
        cases.put("Authorization: Bearer repeated", repeat("Authorization: Bearer "));
        cases.put("mysql -p repeated", repeat("mysql -p"));
        cases.put("curl -u a: repeated", repeat("curl -u a:"));
        cases.put("one curl, -u repeated", "curl " + repeat("-u a:b "));
        cases.put("eyJ repeated", repeat("eyJhbGciOi."));
        cases.put("eyJ- repeated (one long run)", repeat("eyJ-"));
        cases.put("$2y$10$ repeated", repeat("$2y$10$"));
        cases.put("hooks.slack.com repeated", repeat("hooks.slack.com/services/T0/"));
        cases.put("ESC [31m repeated", repeat("\u001b[31m"));
        cases.put("256 KiB of log output", repeat(LOG));
        cases.put("runbooks (bundled, repeated)", repeat(bundledRunbooks()));
        return cases;
    }

    /** {@code unit} repeated to {@value #SIZE} characters. */
    public static String repeat(String unit) {
        return unit.repeat(SIZE / unit.length() + 1).substring(0, SIZE);
    }

    /** The shipped runbooks, joined. */
    public static String bundledRunbooks() {
        Path dir = Path.of(System.getProperty("basedir", ".")).resolve("runbooks");
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                all.append(Files.readString(f)).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all.toString();
    }

    private static final String LOG = """
            2024-05-01T12:00:01Z app[1234]: INFO  GET /api/v1/vehicles 200 12ms user=alice
            2024-05-01T12:00:02Z app[1234]: WARN  slow query (812 ms): SELECT * FROM orders WHERE id = $1
            2024-05-01T12:00:03Z app[1234]: ERROR connect postgresql://svc:Sup3rS3cret@db:5432/app failed: timeout
            2024-05-01T12:00:04Z app[1234]: DEBUG headers: {"Authorization": "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.sig12345"}
            2024-05-01T12:00:05Z app[1234]: INFO  token refreshed for client_id=web token=abcdef0123456789
            2024-05-01T12:00:06Z kernel: [12345.678] Out of memory: Killed process 4321 (java) total-vm:8123456kB
            """;
}
