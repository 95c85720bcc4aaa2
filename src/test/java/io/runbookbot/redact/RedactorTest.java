package io.runbookbot.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {

    /** Input line, expected output, and the secret that must not survive. */
    static Stream<Arguments> secrets() {
        return Stream.of(
                // passwords in URLs, any scheme
                Arguments.of("postgresql://user:PASS@host", "postgresql://user:****@host", "PASS"),
                Arguments.of(
                        "DATABASE_URL=postgresql://sovd_user:sovd_password@db:5432/sovd_db",
                        "DATABASE_URL=postgresql://sovd_user:****@db:5432/sovd_db",
                        "sovd_password"),
                Arguments.of("redis://:s3cr3t@cache:6379/0", "redis://:****@cache:6379/0", "s3cr3t"),
                Arguments.of("amqp://guest:guest123@rabbit:5672/", "amqp://guest:****@rabbit:5672/", "guest123"),
                Arguments.of(
                        "mongodb+srv://app:p%40ss@cluster0.example.net/db",
                        "mongodb+srv://app:****@cluster0.example.net/db", "p%40ss"),
                Arguments.of(
                        "git clone https://bot:hunter2@git.example.com/ops/runbooks.git",
                        "git clone https://bot:****@git.example.com/ops/runbooks.git",
                        "hunter2"),
                // KEY=value assignments
                Arguments.of(
                        "PGPASSWORD='$@nJose420' psql -U postgres -d acis-ai -h localhost -c \"SELECT 1;\"",
                        "PGPASSWORD='****' psql -U postgres -d acis-ai -h localhost -c \"SELECT 1;\"",
                        "nJose420"),
                Arguments.of("PASSWORD=hunter2", "PASSWORD=****", "hunter2"),
                Arguments.of("- `POSTGRES_PASSWORD=sovd_password`", "- `POSTGRES_PASSWORD=****`", "sovd_password"),
                Arguments.of("export DB_PASSWORD=\"p@ss w0rd\"", "export DB_PASSWORD=\"****\"", "p@ss w0rd"),
                Arguments.of(
                        "docker run -e MYSQL_ROOT_PASSWORD=rootpw123 mysql:8",
                        "docker run -e MYSQL_ROOT_PASSWORD=**** mysql:8",
                        "rootpw123"),
                Arguments.of("JWT_SECRET=change-me-in-prod", "JWT_SECRET=****", "change-me-in-prod"),
                Arguments.of("JWT_SECRET_KEY=abc123xyz", "JWT_SECRET_KEY=****", "abc123xyz"),
                Arguments.of("GITHUB_TOKEN=abcdef0123456789", "GITHUB_TOKEN=****", "abcdef0123456789"),
                Arguments.of("API_KEY=sk-live-42", "API_KEY=****", "sk-live-42"),
                Arguments.of("GEMINI_API_KEY=your_valid_api_key", "GEMINI_API_KEY=****", "your_valid_api_key"),
                Arguments.of(
                        "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                        "aws_secret_access_key = ****",
                        "wJalrXUtnFEMI"),
                Arguments.of("REDIS_PASS=r3d1s", "REDIS_PASS=****", "r3d1s"),
                Arguments.of("password: $ecretSummer1", "password: ****", "$ecretSummer1"),
                Arguments.of(
                        "\"admin.password\": \"$2a$10$rRyBsGSHK6.uc8fntPwVIuLVHgsAhAX7TcdrqW/RADU0uh7CaChLa\",",
                        "\"admin.password\": \"****\",",
                        "rRyBsGSHK6"),
                Arguments.of(
                        "\"private_key\": \"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\n"
                                + "-----END PRIVATE KEY-----\\n\",",
                        "\"private_key\": \"****\",",
                        "MIIEvQIBADANBgkq"),
                Arguments.of("PASSWORD='unterminated secret", "PASSWORD=****", "unterminated secret"),
                Arguments.of(
                        "curl -d \"username=admin&password=letmein\" http://localhost/login",
                        "curl -d \"username=admin&password=****\" http://localhost/login",
                        "letmein"),
                Arguments.of("mysql --password=hunter2 -u root", "mysql --password=**** -u root", "hunter2"),
                Arguments.of("vault login --token s.AbCdEf123", "vault login --token ****", "s.AbCdEf123"),
                // YAML and JSON
                Arguments.of("\"password\": \"x9y8z7\"", "\"password\": \"****\"", "x9y8z7"),
                Arguments.of(
                        "{\"api_key\":\"k-123\",\"user\":\"bob\"}", "{\"api_key\":\"****\",\"user\":\"bob\"}", "k-123"),
                Arguments.of("password: hunter2", "password: ****", "hunter2"),
                Arguments.of("  db_password: 'hunter2'", "  db_password: '****'", "hunter2"),
                Arguments.of(
                        "    - POSTGRES_PASSWORD: sovd_password", "    - POSTGRES_PASSWORD: ****", "sovd_password"),
                Arguments.of(
                        "curl -H \"X-Api-Key: 12345abcde\" https://api.example.com",
                        "curl -H \"X-Api-Key: ****\" https://api.example.com",
                        "12345abcde"),
                // bearer and authorization headers
                Arguments.of(
                        "curl -H \"Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln\" http://x",
                        "curl -H \"Authorization: Bearer ****\" http://x",
                        "eyJhbGciOiJIUzI1NiJ9"),
                Arguments.of("Authorization: Basic dXNlcjpwYXNz", "Authorization: Basic ****", "dXNlcjpwYXNz"),
                Arguments.of("Authorization: bearer abc", "Authorization: bearer ****", "abc"),
                Arguments.of("Bearer abc123def456", "Bearer ****", "abc123def456"),
                // Slack, GitHub, AWS
                Arguments.of(
                        "SLACK=xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
                        "SLACK=xoxb-****",
                        "AbCdEfGhIjKlMnOpQrStUvWx"),
                Arguments.of("token xoxp-1111111111-2222222222-abcdefabcdef", "token xoxp-****", "abcdefabcdef"),
                Arguments.of("app token xapp-1-A0123456789-0123456789-abcdef", "app token xapp-****", "abcdef"),
                Arguments.of(
                        "using ghp_0123456789abcdefghijABCDEFGHIJ012345 for CI",
                        "using ghp_**** for CI",
                        "0123456789abcdefghij"),
                Arguments.of("gho_abcdefghijklmnopqrstuvwxyz0123456789", "gho_****", "abcdefghijklmnop"),
                Arguments.of("GITHUB_TOKEN=ghp_0123456789abcdefghijABCDEFGHIJ012345", "GITHUB_TOKEN=****", "ghp_"),
                Arguments.of(
                        "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz",
                        "github_pat_****",
                        "11ABCDEFG0123456789"),
                Arguments.of(
                        "aws_access_key_id = AKIAIOSFODNN7EXAMPLE", "aws_access_key_id = AKIA****", "IOSFODNN7EXAMPLE"),
                Arguments.of(
                        "session key ASIAY34FZKBOKMUTVV7A expired",
                        "session key ASIA**** expired",
                        "Y34FZKBOKMUTVV7A"));
    }

    @ParameterizedTest
    @MethodSource("secrets")
    void masksTheSecretAndKeepsTheShape(String line, String expected, String secret) {
        String redacted = Redactor.redact(line);

        assertThat(redacted).isEqualTo(expected);
        assertThat(redacted).doesNotContain(secret);
    }

    @ParameterizedTest
    @MethodSource("secrets")
    void redactingTwiceChangesNothingMore(String line, String expected, String secret) {
        assertThat(Redactor.redact(Redactor.redact(line))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "FATAL: password authentication failed for user \"sovd_user\"",
                "- Error: \"FATAL: password authentication failed for user\"",
                "The password is stored in Vault; ask the DBA.",
                "Token has expired (default: 30 minutes). User needs to log out and log back in:",
                "WARNING: Authentication failed: Invalid token signature",
                "docker-compose exec backend env | grep JWT_SECRET_KEY",
                "cat .env | grep -E \"(POSTGRES_USER|POSTGRES_PASSWORD|DATABASE_URL)\"",
                "grep -E \"DATABASE_URL|API_KEY\" backend/.env",
                "curl -H \"Authorization: Bearer <token>\" http://localhost:8000/api/v1/vehicles",
                "curl -H \"Authorization: Bearer $TOKEN\" https://api.example.com",
                "curl -H \"Authorization: Bearer ${API_TOKEN}\" https://api.example.com",
                "curl -H \"Authorization: Bearer $token\" -k https://${host}/api/v1/targets",
                "Send a Bearer token in the Authorization header.",
                "Bearer authentication is required",
                "PGPASSWORD=$PGPASS psql -h db",
                "export DB_PASSWORD=\"$db_password\"",
                "  password: ${DB_PASSWORD}",
                "DATABASE_URL=postgresql://user:<password>@localhost:5432/app",
                "export STEMEDB_TLS_KEY=\"/path/to/key.pem\"",
                "openssl rsa -noout -modulus -in /etc/stemedb/tls/key.pem | openssl md5",
                "curl http://localhost:8000/health/ready",
                "https://example.com:8443/path?q=1",
                "git clone git@github.com:org/repo.git",
                "ssh://git@git.example.com:22/ops/repo.git",
                "max_tokens=4096",
                "TOKEN_TTL=3600",
                "PWD=/home/app",
                "secretName: tls-secret",
                "kind: Secret",
                "  password: str",
                "def login(username: str, password: str) -> Token:",
                "if password == \"\":",
                "echo \"$PASSWORD\" | docker login --password-stdin -u ci registry.example.com",
                "PASSWORD=",
                "set `PGPASSWORD=` before running psql",
                "Slack bot tokens start with xoxb- and GitHub tokens with ghp_.",
                "AWS access key ids start with AKIA",
                "-----BEGIN CERTIFICATE-----",
                "auth_limiter = Limiter(key_func=get_remote_address, default_limits=[\"5 per minute\"])",
                "localStorage.getItem('token')",
                "token=$(oc sa new-token prometheus-k8s -n openshift-monitoring)",
                "curl -sk -H \"Authorization: Bearer $(oc create token prometheus-k8s -n openshift-monitoring)\" \\",
                "export new_password=$(openssl rand -base64 4096 | tr -dc A-Za-z0-9 | head -c64)",
                "resource.customizations.health.bitnami.com_SealedSecret: |",
                "privateRegistry.registryPasswd=,privateRegistry.registrySecret=,privateRegistry.registryUrl=",
                "  privatekey: /etc/docker/registry/middleware.storage/0/private-key",
                "gcloud compute ssl-certificates create web --certificate=web.crt --private-key=web.key",
                "  --private-key 'file://*.gitter.im.key' \\",
                "and set it `export RUNNER_TOKEN=<token value>` It will be substituted in the configmap",
                "- SSL key value (the block started with `-----BEGIN PRIVATE KEY-----`),",
                "PRIVATE_TOKEN=XXX",
                "export PINGDOM_PASSWORD=\"...\"",
                "curl -i -N -H \"Connection: Upgrade\" -H \"Upgrade: websocket\" -H \"Sec-WebSocket-Key: test\" \\",
            })
    void leavesInnocentLinesUnchanged(String line) {
        assertThat(Redactor.redact(line)).isEqualTo(line);
    }

    @Test
    void replacesAPrivateKeyBlockWithOneMarkerLine() {
        String text = """
                key for the deploy user:
                -----BEGIN OPENSSH PRIVATE KEY-----
                b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
                QyNTUxOQAAACDuHfhH3n8H8Z2N
                -----END OPENSSH PRIVATE KEY-----
                then restart.
                """;

        assertThat(Redactor.redact(text)).isEqualTo("""
                key for the deploy user:
                [REDACTED OPENSSH PRIVATE KEY]
                then restart.
                """);
    }

    @Test
    void masksAPrivateKeyCutBeforeItsEndLineToTheEndOfTheText() {
        String text = "ok\n-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nMIIEvQIB";

        assertThat(Redactor.redact(text)).isEqualTo("ok\n[REDACTED PRIVATE KEY]");
    }

    @Test
    void masksEveryPrivateKeyBlockOfAText() {
        String text = "-----BEGIN RSA PRIVATE KEY-----\nAAA\n-----END RSA PRIVATE KEY-----\nmiddle\n"
                + "-----BEGIN EC PRIVATE KEY-----\nBBB\n-----END EC PRIVATE KEY-----";

        assertThat(Redactor.redact(text)).isEqualTo("[REDACTED RSA PRIVATE KEY]\nmiddle\n[REDACTED EC PRIVATE KEY]");
    }

    @Test
    void masksEverySecretOfAMultiLineBlockAndKeepsTheRest() {
        String env = """
                POSTGRES_USER=sovd_user
                POSTGRES_PASSWORD=sovd_password
                DATABASE_URL=postgresql://sovd_user:sovd_password@db:5432/sovd_db
                LOG_LEVEL=info
                """;

        assertThat(Redactor.redact(env)).isEqualTo("""
                POSTGRES_USER=sovd_user
                POSTGRES_PASSWORD=****
                DATABASE_URL=postgresql://sovd_user:****@db:5432/sovd_db
                LOG_LEVEL=info
                """);
    }

    @Test
    void returnsEmptyTextUnchanged() {
        assertThat(Redactor.redact("")).isEmpty();
    }
}
