package io.runbookbot.alert;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads an Alertmanager webhook body (payload version 4) or Grafana alerting's
 * Alertmanager-compatible one (version "1" with {@code orgId}) into an {@link AlertNotification}.
 * The body is hostile until checked: its size, nesting, duplicate keys, the types of the fields kept,
 * the number of alerts and labels and the length of every kept string are checked, and the first
 * problem is reported as an {@link AlertPayloadException} that names the field. Fields the bot does
 * not use (Grafana's {@code values}, {@code silenceURL}, ...) are ignored whatever their type.
 */
public final class AlertPayloads {
    /** The Alertmanager webhook payload version understood. */
    public static final String VERSION = "4";
    /** The version Grafana alerting's webhook sends with its Alertmanager-shaped body. */
    public static final String GRAFANA_VERSION = "1";

    private static final ObjectMapper DEFAULT_MAPPER = mapper(AlertLimits.DEFAULTS);

    private AlertPayloads() {}

    /** Parses with {@link AlertLimits#DEFAULTS}. */
    public static AlertNotification parse(byte[] body) throws AlertPayloadException {
        return parse(body, AlertLimits.DEFAULTS);
    }

    public static AlertNotification parse(byte[] body, AlertLimits limits) throws AlertPayloadException {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(limits, "limits");
        if (body.length > limits.maxBytes()) {
            throw new AlertPayloadException(
                    "body is " + body.length + " bytes, more than the limit of " + limits.maxBytes()
                            + "; set max_alerts in the webhook_configs to send fewer alerts per notification");
        }
        JsonNode root = tree(body, limits);
        PayloadFields fields = new PayloadFields(limits);
        if (!root.isObject()) {
            throw new AlertPayloadException("body must be a JSON object (an Alertmanager webhook notification), got "
                    + PayloadFields.kind(root));
        }
        String version = version(root, fields);
        String groupKey = fields.text(root, "groupKey", "");
        if (groupKey.isEmpty()) {
            throw new AlertPayloadException("groupKey: missing or empty; the bot keeps one message per group");
        }
        return new AlertNotification(
                fields.optionalText(root, "receiver", ""),
                fields.status(root, ""),
                groupKey,
                fields.map(root, "groupLabels", "", true),
                fields.map(root, "commonLabels", "", true),
                fields.map(root, "commonAnnotations", "", false),
                fields.optionalText(root, "externalURL", ""),
                alerts(root, fields, limits),
                fields.count(root, "truncatedAlerts", ""),
                version);
    }

    private static JsonNode tree(byte[] body, AlertLimits limits) throws AlertPayloadException {
        try {
            JsonNode root = (limits.equals(AlertLimits.DEFAULTS) ? DEFAULT_MAPPER : mapper(limits)).readTree(body);
            if (root == null || root.isMissingNode()) {
                throw new AlertPayloadException("body is empty; expected an Alertmanager webhook notification");
            }
            return root;
        } catch (StreamConstraintsException e) {
            throw new AlertPayloadException(
                    "body is beyond a limit (JSON nested at most " + limits.maxDepth()
                            + " levels deep, strings of at most " + limits.maxBytes() + " characters): "
                            + PayloadFields.printable(e.getOriginalMessage()),
                    e);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new AlertPayloadException(
                    "body is not valid JSON" + where + ": " + PayloadFields.printable(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new AlertPayloadException(
                    "body could not be read: " + e.getClass().getSimpleName(), e);
        }
    }

    private static ObjectMapper mapper(AlertLimits limits) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth())
                        .maxStringLength(limits.maxBytes())
                        .maxNumberLength(40)
                        .maxNameLength(limits.maxBytes())
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    private static String version(JsonNode root, PayloadFields fields) throws AlertPayloadException {
        JsonNode node = root.get("version");
        String expected = "must be \"" + VERSION + "\" (Alertmanager webhook payload) or \"" + GRAFANA_VERSION
                + "\" with orgId (Grafana alerting)";
        if (node == null) {
            throw new AlertPayloadException("version: missing; " + expected);
        }
        if (!node.isTextual()) {
            throw new AlertPayloadException("version: " + expected + ", got " + PayloadFields.kind(node));
        }
        String version = node.textValue();
        boolean grafana = GRAFANA_VERSION.equals(version) && root.has("orgId");
        if (!VERSION.equals(version) && !grafana) {
            throw new AlertPayloadException("version: " + expected + ", got another version");
        }
        return version;
    }

    private static List<Alert> alerts(JsonNode root, PayloadFields fields, AlertLimits limits)
            throws AlertPayloadException {
        JsonNode node = root.get("alerts");
        if (node == null || !node.isArray()) {
            throw new AlertPayloadException("alerts: must be a list of alerts, got "
                    + (node == null ? "nothing (missing)" : PayloadFields.kind(node)));
        }
        if (node.isEmpty()) {
            throw new AlertPayloadException("alerts: empty; a notification carries at least one alert");
        }
        if (node.size() > limits.maxAlerts()) {
            throw new AlertPayloadException("alerts: " + node.size() + " alerts, more than the limit of "
                    + limits.maxAlerts() + "; set max_alerts in the webhook_configs (the rest is then counted in "
                    + "truncatedAlerts)");
        }
        List<Alert> alerts = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            alerts.add(fields.alert(node.get(i), "alerts[" + i + "]."));
        }
        return alerts;
    }
}
