package io.runbookbot.redact;

import java.util.Objects;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in text before it is shown: runbook sections and diagnostic output alike.
 *
 * <p>The shape stays readable: key names, quotes, the URL's user and host and token prefixes are
 * kept, only the secret becomes {@value #MASK}. What is masked:
 * <ul>
 *   <li>the password of a URL, any scheme: {@code postgresql://user:****@host};</li>
 *   <li>the value given to a key that names a secret ({@code PGPASSWORD='****'},
 *       {@code *_SECRET=}, {@code *_TOKEN=}, {@code API_KEY=}, {@code "password": "****"},
 *       YAML {@code password: ****} at the start of a line, {@code --password ****}): see
 *       {@link KeyValues};</li>
 *   <li>{@code Authorization: Bearer|Basic|Token|Bot|Digest ****}, and a standalone
 *       {@code Bearer ****} when the value looks like a credential (a digit, or 20+ chars), not a
 *       word ("Bearer authentication");</li>
 *   <li>Slack ({@code xoxb-}, {@code xoxp-}, {@code xoxa-}, {@code xoxr-}, {@code xoxs-},
 *       {@code xapp-}) and GitHub ({@code ghp_}, {@code gho_}, {@code ghu_}, {@code ghs_},
 *       {@code ghr_}, {@code github_pat_}) tokens, AWS access key ids ({@code AKIA}/{@code ASIA}
 *       + 16): the prefix is kept;</li>
 *   <li>private key blocks, replaced whole by one marker line ({@code [REDACTED RSA PRIVATE KEY]});
 *       a block cut before its END line (capped output) is masked to the end of the text.</li>
 * </ul>
 *
 * <p>Placeholders and variable references stay as written, since they are instructions, not
 * secrets ({@code Bearer <token>}, {@code PGPASSWORD=$PGPASS}): see {@link SecretValues}.
 * Redacting twice gives the same text as redacting once. Stateless and thread-safe.
 *
 * <p>Fast: the text is scanned with {@code indexOf} for the few fixed strings secrets come with
 * ({@code ://}, {@code Bearer}, key words, token prefixes), and a pattern runs only where one
 * stands; a text without any costs a handful of scans.
 */
public final class Redactor {
    /** What a secret is replaced with. */
    public static final String MASK = "****";

    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY( BLOCK)?-----"
                    + "(?:.*?-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----"
                    + "|(?=[ \\t]*(?:\\r?\\n|\\\\n)(?:[A-Za-z0-9+/=]{16}|Proc-Type:)).*\\z)", Pattern.DOTALL);
    /** After {@code ://}: user, then the password up to {@code @}. */
    private static final Pattern URL_PASSWORD = Pattern.compile("[^\\s:/?#@'\"`]*:([^\\s/'\"`]+)@");
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "(?i)authorization[ \\t]*[:=][ \\t]*(?:bearer|basic|token|bot|digest)[ \\t]+([^\\s'\"`]+)");
    private static final Pattern BEARER = Pattern.compile("Bearer[ \\t]+([A-Za-z0-9\\-._~+/]+=*)(?![^\\s'\"`,;)])");
    private static final Pattern SLACK = Pattern.compile("(?:xox[abprs]-|xapp-)([A-Za-z0-9-]{10,})");
    private static final Pattern GITHUB = Pattern.compile("(?:gh[opsur]_|github_pat_)([A-Za-z0-9_]{20,})");
    private static final Pattern AWS_KEY_ID = Pattern.compile("(?:AKIA|ASIA)([A-Z0-9]{16})\\b");

    private Redactor() {
    }

    /** The text with every secret it recognizes masked; text without secrets comes back equal. */
    public static String redact(String text) {
        Objects.requireNonNull(text, "text");
        String out = text.contains("PRIVATE KEY") ? PRIVATE_KEY.matcher(text).replaceAll(Redactor::marker) : text;
        Edits edits = new Edits();
        String lower = asciiLowerCase(out);
        Edits.each(out, "://", i -> mask(URL_PASSWORD, out, i + 3, edits, true));
        Edits.each(lower, "authorization", i -> mask(AUTHORIZATION, out, i, edits, false));
        Edits.each(out, "Bearer", i -> bearer(out, i, edits));
        KeyValues.find(out, lower, edits);
        for (String prefix : new String[] {"xox", "xapp-"}) {
            Edits.each(out, prefix, i -> mask(SLACK, out, i, edits, false));
        }
        for (String prefix : new String[] {"ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"}) {
            Edits.each(out, prefix, i -> mask(GITHUB, out, i, edits, false));
        }
        for (String prefix : new String[] {"AKIA", "ASIA"}) {
            Edits.each(out, prefix, i -> mask(AWS_KEY_ID, out, i, edits, false));
        }
        return edits.applyTo(out);
    }

    /** Masks group 1 of {@code pattern} matched at {@code pos} (a word start unless {@code inside}). */
    private static void mask(Pattern pattern, String text, int pos, Edits edits, boolean inside) {
        if (!inside && !Edits.wordStart(text, pos)) {
            return;
        }
        Matcher m = pattern.matcher(text).region(pos, text.length());
        if (m.lookingAt() && !SecretValues.isPlaceholder(m.group(1), false, true)) {
            edits.replace(text, m.start(1), m.end(1), MASK);
        }
    }

    /** A standalone bearer value is masked only when it looks like a credential, not a word. */
    private static void bearer(String text, int pos, Edits edits) {
        Matcher m = BEARER.matcher(text).region(pos, text.length());
        if (Edits.wordStart(text, pos) && m.lookingAt()
                && (m.group(1).length() >= 20 || m.group(1).chars().anyMatch(Character::isDigit))) {
            edits.replace(text, m.start(1), m.end(1), MASK);
        }
    }

    private static String marker(MatchResult m) {
        return Matcher.quoteReplacement(
                "[REDACTED " + m.group(1) + "PRIVATE KEY" + (m.group(2) == null ? "" : m.group(2)) + "]");
    }

    /** Lower case for ASCII letters only, so every index stays where it was. */
    private static String asciiLowerCase(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] += 'a' - 'A';
            }
        }
        return new String(chars);
    }
}
