package io.runbookbot.agent.allowlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The example allowlist shipped in {@code runbooks/allowlist.yaml}: it loads, every entry is
 * read-only, and command lines taken from the sample runbooks map to entries with parameters the
 * validator accepts.
 */
class ShippedAllowlistTest {

    private static Path runbooks;
    private static Allowlist allowlist;

    @BeforeAll
    static void load() {
        String basedir = System.getProperty("basedir");
        runbooks = (basedir == null || basedir.isBlank() ? Path.of("") : Path.of(basedir))
                .toAbsolutePath()
                .resolve("runbooks");
        allowlist = AllowlistLoader.load(runbooks.resolve("allowlist.yaml"));
    }

    @Test
    void loadsWithTheExpectedEntries() {
        assertThat(allowlist.commands())
                .extracting(CommandSpec::id)
                .containsExactly(
                        "listening-port",
                        "http-health",
                        "disk-usage",
                        "disk-inodes",
                        "memory",
                        "top-snapshot",
                        "process-by-name",
                        "service-status",
                        "journal-recent",
                        "journal-since",
                        "log-tail",
                        "postgres-ready",
                        "redis-ping",
                        "cert-expiry",
                        "containers",
                        "container-stats");
    }

    @Test
    void everyEntryIsReadOnlyAndRecognizesAtLeastOneCommandLine() {
        assertThat(allowlist.commands()).allSatisfy(spec -> {
            assertThat(spec.readOnly()).as(spec.id()).isTrue();
            assertThat(spec.recognizes()).as(spec.id()).isNotEmpty();
        });
    }

    @Test
    void grantsOncallAndSreGloballyAndCertificatesOnlyToSre() {
        assertThat(allowlist.access().roles()).containsExactly("oncall", "sre");
        assertThat(allowlist.find("cert-expiry").orElseThrow().access().roles()).containsExactly("sre");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '^', textBlock = """
            lsof -i :8000                                            => listening-port  => port=8000
            lsof -ti :18180                                          => listening-port  => port=18180
            netstat -ano | findstr :5000                             => listening-port  => port=5000
            netstat -tlnp | grep 8000                                => listening-port  => port=8000
            curl http://localhost:8000/health                        => http-health     => port=8000,path=/health
            curl -s http://localhost:8000/api/status/database | jq  => http-health     => port=8000,path=/api/status/database
            curl http://localhost:18180/v1/health                    => http-health     => port=18180,path=/v1/health
            curl http://localhost:8000/health/ready                  => http-health     => port=8000,path=/health/ready
            curl http://localhost:11434/api/tags                     => http-health     => port=11434,path=/api/tags
            df -h                                                    => disk-usage      =>
            free -h                                                  => memory          =>
            top -bn1 | head -n 20                                    => top-snapshot    =>
            pgrep -fa uvicorn                                        => process-by-name => name=uvicorn
            ps aux | grep uvicorn                                    => process-by-name => name=uvicorn
            systemctl status stemedb-api                             => service-status  => unit=stemedb-api
            sudo systemctl status acis-api                           => service-status  => unit=acis-api
            journalctl -u stemedb-api -n 50 | grep -i tls            => journal-recent  => unit=stemedb-api,lines=50
            journalctl -u stemedb-api -n 20                          => journal-recent  => unit=stemedb-api,lines=20
            ^journalctl -u uvicorn --since "1 hour ago"^             => journal-since   => unit=uvicorn,since=1 hour ago
            tail -n 100 logs/api.log                                 => log-tail        => lines=100,file=logs/api.log
            tail -100 logs/nova.log                                  => log-tail        => lines=100,file=logs/nova.log
            openssl x509 -in /etc/stemedb/tls/cert.pem -noout -enddate => cert-expiry   => file=/etc/stemedb/tls/cert.pem
            docker-compose ps                                        => containers      =>
            docker stats db --no-stream                              => container-stats => container=db
            """)
    void mapsARunbookCommandLineToAnEntryWhoseParamsValidate(String line, String id, String params) throws IOException {
        assertThat(runbookLines()).as("the line appears in a sample runbook").contains(line);

        Optional<Recognized> recognized = recognize(line);

        assertThat(recognized).as(line).isPresent();
        assertThat(recognized.get().spec().id()).isEqualTo(id);
        assertThat(recognized.get().params()).isEqualTo(parse(params));
        assertThat(ArgumentValidator.validate(
                        recognized.get().spec(), recognized.get().params()))
                .isInstanceOf(Validation.Accepted.class);
    }

    @Test
    void doesNotRecognizeAKillThatEmbedsALookup() {
        assertThat(recognize("kill -9 $(lsof -t -i :8000)")).isEmpty();
    }

    // ---- a minimal recognizer, as the suggestions side may build one ----

    record Recognized(CommandSpec spec, Map<String, String> params) {}

    /** The first entry one of whose lines matches the start of {@code line}, up to a space or the end. */
    private static Optional<Recognized> recognize(String line) {
        for (CommandSpec spec : allowlist.commands()) {
            for (String template : spec.recognizes()) {
                Optional<Map<String, String>> params = match(template, spec, line.trim());
                if (params.isPresent()) {
                    return Optional.of(new Recognized(spec, params.get()));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Map<String, String>> match(String template, CommandSpec spec, String line) {
        StringBuilder regex = new StringBuilder();
        List<String> names = new java.util.ArrayList<>();
        Matcher m = Placeholders.PLACEHOLDER.matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(literal(template.substring(last, m.start())));
            ParamSpec param = spec.params().get(m.group(1));
            regex.append(
                    param instanceof IntegerParam
                            ? "([0-9]+)"
                            : param instanceof EnumParam e
                                    ? e.values().stream().map(Pattern::quote).collect(Collectors.joining("|", "(", ")"))
                                    : "(\\S+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(literal(template.substring(last))).append("(?:\\s.*)?");
        Matcher line2 = Pattern.compile(regex.toString()).matcher(line);
        if (!line2.matches()) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            params.put(names.get(i), line2.group(i + 1));
        }
        return Optional.of(params);
    }

    private static String literal(String text) {
        return Stream.of(text.split("\\s+", -1))
                .map(s -> s.isEmpty() ? "" : Pattern.quote(s))
                .collect(Collectors.joining("\\s+"));
    }

    private static Map<String, String> parse(String params) {
        Map<String, String> map = new LinkedHashMap<>();
        if (params != null) {
            for (String pair : params.split(",")) {
                String[] kv = pair.split("=", 2);
                map.put(kv[0], kv[1]);
            }
        }
        return map;
    }

    private static List<String> runbookLines() throws IOException {
        try (Stream<Path> files = Files.list(runbooks)) {
            return files.filter(p -> p.toString().endsWith(".md"))
                    .flatMap(p -> {
                        try {
                            return Files.readAllLines(p).stream();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(s -> s.replaceAll("\\s+#.*$", "").trim())
                    .collect(Collectors.toList());
        }
    }
}
