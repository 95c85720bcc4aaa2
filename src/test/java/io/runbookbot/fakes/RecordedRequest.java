package io.runbookbot.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request that reached a fake, parsed.
 *
 * @param method the HTTP method, upper case
 * @param route the platform-relative route: a Slack Web API method ({@code chat.postMessage}), a
 *     response URL ({@code response/1}) or a Discord route below {@code /api/v10/} ({@code
 *     channels/3000000000000000001/messages})
 * @param query the query parameters (first value of each)
 * @param headers the headers, names in lower case
 * @param body the raw body
 * @param form the form fields of a {@code application/x-www-form-urlencoded} body, else empty
 * @param json the parsed JSON body (or a multipart body's {@code payload_json}), else a missing
 *     node
 * @param status the status code the fake answered with
 */
public record RecordedRequest(
        String method,
        String route,
        Map<String, String> query,
        Map<String, List<String>> headers,
        String body,
        Map<String, String> form,
        JsonNode json,
        int status) {

    public RecordedRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        form = Map.copyOf(form);
    }

    /** The first value of a header, looked up case-insensitively. */
    public Optional<String> header(String name) {
        List<String> values = headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        return values.stream().findFirst();
    }

    /**
     * A parameter, from the form body or else from the top level of the JSON body (objects and arrays
     * as JSON text). Gson escapes {@code =} as {@code \u003d}: compare parsed values, not substrings
     * of {@link #body()}.
     */
    public Optional<String> param(String name) {
        if (form.containsKey(name)) {
            return Optional.of(form.get(name));
        }
        JsonNode node = json.path(name);
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        return Optional.of(node.isValueNode() ? node.asText() : node.toString());
    }

    /** A parameter that itself holds JSON (Slack's {@code blocks}, {@code view}), parsed. */
    public JsonNode paramJson(String name) {
        if (!form.containsKey(name)) {
            return json.path(name);
        }
        return Json.parse(form.get(name));
    }

    /** True for a request with this method on this route. */
    public boolean is(String httpMethod, String routeName) {
        return method.equals(httpMethod) && route.equals(routeName);
    }
}
