package io.runbookbot.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The secrets issue 9 found leaking (item 8), each with the common runbook text that must stay. */
class SecretShapesTest {

    /** Input line, expected output, and the secret that must not survive. */
    static Stream<Arguments> secrets() {
        return Stream.of(
                // JWT
                Arguments.of(
                        "token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV",
                        "token eyJ****",
                        "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV"),
                // command options
                Arguments.of("mysql -u root -pS3cr3t! -h db app", "mysql -u root -p**** -h db app", "S3cr3t!"),
                Arguments.of(
                        "mysqldump -uroot -p'my pass' app > app.sql",
                        "mysqldump -uroot -p'****' app > app.sql",
                        "my pass"),
                Arguments.of("mysql --password=hunter2 app", "mysql --password=**** app", "hunter2"),
                Arguments.of(
                        "curl -u admin:Adm1nPass http://localhost:9200/_cluster/health",
                        "curl -u admin:**** http://localhost:9200/_cluster/health",
                        "Adm1nPass"),
                Arguments.of(
                        "curl -s --user elastic:chang3me https://es:9200",
                        "curl -s --user elastic:**** https://es:9200",
                        "chang3me"),
                Arguments.of("curl -u \"svc:p@ss w0rd\" https://x", "curl -u \"svc:****\" https://x", "p@ss w0rd"),
                Arguments.of(
                        "docker login -u ci -p Dock3rPw registry.example.com",
                        "docker login -u ci -p **** registry.example.com",
                        "Dock3rPw"),
                Arguments.of(
                        "docker login --username ci --password Dock3rPw registry.example.com",
                        "docker login --username ci --password **** registry.example.com",
                        "Dock3rPw"),
                Arguments.of("sshpass -p 'Ssh!Pass' ssh root@host", "sshpass -p '****' ssh root@host", "Ssh!Pass"),
                Arguments.of("sshpass -pSshPass ssh root@host", "sshpass -p**** ssh root@host", "SshPass"),
                Arguments.of("redis-cli -h cache -a R3disPw ping", "redis-cli -h cache -a **** ping", "R3disPw"),
                Arguments.of(
                        "mysql \\\n  -u root \\\n  -pS3cr3t app", "mysql \\\n  -u root \\\n  -p**** app", "S3cr3t"),
                // Azure connection strings
                Arguments.of(
                        "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=bXlrZXk0Mg==;EndpointSuffix=core.windows.net",
                        "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=****;EndpointSuffix=core.windows.net",
                        "bXlrZXk0Mg=="),
                Arguments.of(
                        "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=c2VjcmV0S2V5=",
                        "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=****",
                        "c2VjcmV0S2V5="),
                // Stripe, Google, GitLab, npm
                Arguments.of("STRIPE=sk_live_51H8abcdefGHIJKLmnop", "STRIPE=sk_live_****", "51H8abcdefGHIJKLmnop"),
                Arguments.of("key rk_live_abcdefghij1234567890", "key rk_live_****", "abcdefghij1234567890"),
                Arguments.of("sk_test_4eC39HqLyjWDarjtT1zdp7dc", "sk_test_****", "4eC39HqLyjWDarjtT1zdp7dc"),
                Arguments.of(
                        "maps key=AIzaSyA1234567890abcdefghijklmnopqrstu", "maps key=AIza****", "SyA1234567890abcdef"),
                Arguments.of(
                        "git clone https://oauth2:glpat-AbCdEf1234567890xYz@gitlab.com/g/p.git",
                        "git clone https://oauth2:****@gitlab.com/g/p.git",
                        "glpat-AbCdEf"),
                Arguments.of(
                        "export CI_PUSH=glpat-AbCdEf1234567890xYzW", "export CI_PUSH=glpat-****", "AbCdEf1234567890"),
                Arguments.of(
                        "//registry.npmjs.org/:_authToken=npm_abcdefghijklmnopqrstuvwxyz0123456789",
                        "//registry.npmjs.org/:_authToken=****",
                        "npm_abcdef"),
                Arguments.of("NPM=npm_abcdefghijklmnopqrstuvwxyz0123456789", "NPM=npm_****", "abcdefghijklmnop"),
                // password hashes
                Arguments.of(
                        "admin:$apr1$r31.....$HqJZimcKQFAMYayBlzkrA/", "admin:$apr1$****", "HqJZimcKQFAMYayBlzkrA"),
                Arguments.of(
                        "admin:$2y$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234",
                        "admin:$2y$10$****",
                        "ABCDEFGHIJKLMNOPQRSTU"),
                Arguments.of(
                        "admin:{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=", "admin:{SHA}****", "W6ph5Mm5Pz8GgiULbPgzG37mj9g"),
                Arguments.of(
                        "root:$6$saltsalt$abcdefghijklmnopqrstuvwxyzABCDEF0123456789:19000:0:99999:7:::",
                        "root:$6$****:19000:0:99999:7:::",
                        "abcdefghijklmnopqrstuvwxyz"),
                // webhooks
                Arguments.of(
                        "https://hooks.slack.com/services/T0123ABCD/B0456EFGH/abcdEFGHijklMNOPqrstUVWX",
                        "https://hooks.slack.com/services/T0123ABCD/B0456EFGH/****",
                        "abcdEFGHijklMNOPqrstUVWX"),
                Arguments.of(
                        "https://discord.com/api/webhooks/123456789012345678/AbCdEfGhIjKlMnOpQrStUvWxYz_0123456789",
                        "https://discord.com/api/webhooks/123456789012345678/****",
                        "AbCdEfGhIjKlMnOpQrStUvWxYz"),
                // YAML keys not at the start of a line
                Arguments.of("db: {user: app, password: Hunt3r2}", "db: {user: app, password: ****}", "Hunt3r2"),
                Arguments.of(
                        "  - name: app\n    client_secret: s3cr3tvalue",
                        "  - name: app\n    client_secret: ****",
                        "s3cr3tvalue"),
                Arguments.of("- token: tok-abc-123", "- token: ****", "tok-abc-123"),
                Arguments.of(
                        "Log in with user admin, password: Adm1n!", "Log in with user admin, password: ****", "Adm1n!"),
                Arguments.of("{\"auth\": {token: 'abc123'}}", "{\"auth\": {token: '****'}}", "abc123"),
                Arguments.of(
                        "Set `password: Hunt3r2` in values.yaml", "Set `password: ****` in values.yaml", "Hunt3r2"),
                Arguments.of("| db | password: Hunt3r2 |", "| db | password: **** |", "Hunt3r2"));
    }

    @ParameterizedTest
    @MethodSource("secrets")
    void masksTheSecretAndKeepsItsPrefix(String line, String expected, String secret) {
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
                // command options that are not passwords, prompts and variables
                "docker run -d -p 8080:80 nginx",
                "docker run -p 5432:5432 -e POSTGRES_PASSWORD=$PW postgres",
                "mysql -u root -p",
                "mysql -u root -p app_db",
                "mysql -u root -p$MYSQL_PWD app",
                "mysql -u root -p\"$MYSQL_ROOT_PASSWORD\" app",
                "mysql -u root -p<password> app",
                "mysql -h db -P 3306 -u app -p",
                "ssh -p 2222 admin@bastion",
                "kubectl port-forward -p pod 8080",
                "curl -u admin https://api.example.com",
                "curl -u \"$USER:$PASS\" https://api.example.com",
                "curl -u admin:<password> https://api.example.com",
                "curl -sSL -o out.tgz https://example.com/a.tgz",
                "docker login -u ci --password-stdin registry.example.com",
                "docker login -u ci -p $CI_REGISTRY_PASSWORD $CI_REGISTRY",
                "sshpass -p \"$SSHPASS\" ssh root@host",
                "sshpass -e ssh root@host",
                "redis-cli -a \"$REDIS_PASSWORD\" ping",
                "redis-cli -h cache -p 6379 ping",
                "cp -a src dst && mkdir -p /var/lib/app",
                // shapes that are not secrets
                "JWTs start with eyJ and have three parts.",
                "Stripe secret keys start with sk_live_ and test keys with sk_test_.",
                "Google API keys look like AIza...",
                "GitLab personal access tokens start with glpat-.",
                "npm_config_cache=/tmp/npm",
                "echo $1$2 > out",
                "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
                "The Slack webhook is https://hooks.slack.com/services/...",
                "AccountKey=<storage-account-key>",
                // YAML-like text in prose
                "token: <your token>",
                "  password: \"${DB_PASSWORD}\"",
                "Rotate the token: run the script below and restart the pods.",
                "Error: invalid token: signature is invalid",
                "msg=\"failed to refresh token: context deadline exceeded\"",
                "{password: <password>}",
                "| Rotate the token: see the vault runbook |",
                "Set `token: <your token>` in values.yaml",
            })
    void leavesCommonRunbookTextUnchanged(String line) {
        assertThat(Redactor.redact(line)).isEqualTo(line);
    }

    @Test
    void masksSecretsLongerThanThePatternWindowWhole() {
        String longValue = "a1".repeat(5_000);
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJ" + "c3ViIjoi".repeat(800) + ".sig" + "Q".repeat(3_000);

        assertThat(Redactor.redact("PASSWORD=" + longValue + " next")).isEqualTo("PASSWORD=**** next");
        assertThat(Redactor.redact("xoxb-" + longValue + " next")).isEqualTo("xoxb-**** next");
        assertThat(Redactor.redact("token " + jwt + " next")).isEqualTo("token eyJ**** next");
    }

    @Test
    void replacesAPrivateKeyBlockLongerThanThePatternWindow() {
        String block = "-----BEGIN RSA PRIVATE KEY-----\n"
                + "MIIEowIBAAKCAQEAsecretkeymaterial0123456789abcdef\n".repeat(200) + "-----END RSA PRIVATE KEY-----";

        assertThat(Redactor.redact("before\n" + block + "\nafter"))
                .isEqualTo("before\n[REDACTED RSA PRIVATE KEY]\nafter");
    }
}
