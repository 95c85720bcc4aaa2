package io.runbookbot.diagnostics;

import static io.runbookbot.diagnostics.TestAllowlists.integer;
import static io.runbookbot.diagnostics.TestAllowlists.oneOf;
import static io.runbookbot.diagnostics.TestAllowlists.params;
import static io.runbookbot.diagnostics.TestAllowlists.pattern;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runbookbot.agent.allowlist.ParamSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestionPatternTest {
    private static final Map<String, ParamSpec> PARAMS = params(
            integer("port", 1, 65535),
            pattern("path", "/[A-Za-z0-9/_.-]{0,100}"),
            pattern("name", "[A-Za-z0-9][A-Za-z0-9._:@+=,/-]{0,63}"),
            pattern("unit", "[A-Za-z0-9][A-Za-z0-9@._:-]{0,99}"),
            oneOf("since", "1 hour ago", "today"),
            integer("lines", 1, 2000),
            pattern("file", "[A-Za-z0-9_./-]{1,200}"));

    /** Pattern ~ command ~ captured values, or "no match". */
    @ParameterizedTest
    @CsvSource(delimiterString = " ~ ", textBlock = """
            lsof -i :{port} ~ lsof -i :8000 ~ {port=8000}
            lsof -i :{port} ~ lsof   -i    :8000 ~ {port=8000}
            lsof -i :{port} ~ lsof -i:8000 ~ no match
            lsof -i:{port} ~ lsof -i:8000 ~ {port=8000}
            lsof -i :{port} ~ lsof -i :8000 | grep LISTEN ~ {port=8000}
            lsof -i :{port} ~ lsof -i :8000x ~ no match
            lsof -i :{port} ~ lsof -i :99999 ~ no match
            lsof -i :{port} ~ lsof -i :8000;rm -rf / ~ {port=8000}
            lsof -i :{port} ~ echo lsof -i :8000 ~ no match
            df -h ~ df -h ~ {}
            df -h ~ df -h /var ~ {}
            df -h ~ df -hT ~ no match
            df -h ~ DF -H ~ no match
            netstat -ano | findstr :{port} ~ netstat -ano|findstr :5000 ~ {port=5000}
            netstat -ano | findstr :{port} ~ netstat -ano | findstr :5000 ~ {port=5000}
            ps aux | grep {name} ~ ps aux | grep uvicorn ~ {name=uvicorn}
            ps aux | grep {name} ~ ps aux | grep uvicorn | grep -v grep ~ {name=uvicorn}
            ps aux | grep {name} ~ ps aux | grep -v grep ~ no match
            ps aux | grep {name} ~ ps aux | grep "uvicorn" ~ no match
            curl -s http://localhost:{port}{path} ~ curl -s http://localhost:8000/health ~ {port=8000, path=/health}
            curl -s http://localhost:{port}{path} ~ curl -s http://localhost:8000/health | jq ~ {port=8000, path=/health}
            curl -s http://localhost:{port}{path} ~ curl -s http://localhost:8000 ~ no match
            curl -s http://localhost:{port}{path} ~ curl -s http://localhost:80/a/../../etc/passwd ~ {port=80, path=/a/../../etc/passwd}
            journalctl -u {unit} --since "{since}" ~ journalctl -u uvicorn --since "1 hour ago" ~ {unit=uvicorn, since=1 hour ago}
            journalctl -u {unit} --since "{since}" ~ journalctl -u uvicorn --since "2 hours ago" ~ no match
            journalctl -u {unit} --since {since} ~ journalctl -u uvicorn --since today ~ {unit=uvicorn, since=today}
            sudo systemctl status {unit} ~ systemctl status nginx ~ {unit=nginx}
            tail -n {lines} {file} ~ tail -n 100 logs/api.log ~ {lines=100, file=logs/api.log}
            tail -{lines} {file} ~ tail -100 logs/nova.log ~ {lines=100, file=logs/nova.log}
            tail -{lines} {file} ~ tail -f logs/nova.log ~ no match
            """)
    void matchesCommandsByTheDocumentedRules(String pattern, String command, String expected) {
        String actual = SuggestionPattern.compile(pattern, PARAMS)
                .match(command)
                .map(Object::toString)
                .orElse("no match");

        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void aRepeatedPlaceholderMustCaptureTheSameValueTwice() {
        SuggestionPattern p = SuggestionPattern.compile("diff {file} {file}.bak", PARAMS);

        assertThat(p.match("diff a.conf a.conf.bak")).hasValue(Map.of("file", "a.conf"));
        assertThat(p.match("diff a.conf b.conf.bak")).isEmpty();
    }

    @Test
    void refusesAPlaceholderThatIsNotAParameter() {
        assertThatThrownBy(() -> SuggestionPattern.compile("kill {pid}", PARAMS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("recognizes pattern \"kill {pid}\" uses {pid}, which is not a parameter of the entry");
    }

    @Test
    void bracesAroundAnythingButAParameterNameAreLiteral() {
        SuggestionPattern p = SuggestionPattern.compile("docker ps --format {{.Names}}", PARAMS);

        assertThat(p.match("docker ps --format {{.Names}}")).hasValue(Map.of());
    }
}
