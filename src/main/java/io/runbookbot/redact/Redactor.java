package io.runbookbot.redact;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes text safe to show: masks the secrets it holds and neutralises control characters. Every
 * string the bot shows or sends goes through here: runbook sections (body, code, heading, path,
 * title) when they are built, diagnostic output, generated summaries and investigation text.
 *
 * <p>The shape stays readable: key names, quotes, the URL's user and host and token prefixes are
 * kept, only the secret becomes {@value #MASK}. What is masked:
 * <ul>
 *   <li>the password of a URL, any scheme: {@code postgresql://user:****@host};</li>
 *   <li>the value given to a key that names a secret ({@code PGPASSWORD='****'},
 *       {@code *_SECRET=}, {@code *_TOKEN=}, {@code API_KEY=}, {@code "password": "****"},
 *       YAML {@code password: ****}, {@code {password: ****}}, {@code --password ****}, Azure
 *       {@code AccountKey=****;}): see {@link KeyValues};</li>
 *   <li>passwords given as command options: {@code mysql -p****}, {@code curl -u user:****},
 *       {@code docker login -p ****}, {@code sshpass -p ****}, {@code redis-cli -a ****}: see
 *       {@link CommandOptions};</li>
 *   <li>{@code Authorization: Bearer|Basic|Token|Bot|Digest ****}, and a standalone
 *       {@code Bearer ****} when the value looks like a credential (a digit, or 20+ chars), not a
 *       word ("Bearer authentication");</li>
 *   <li>tokens known by their prefix (Slack, GitHub, AWS key ids, JWTs, Stripe, Google API keys,
 *       GitLab, npm), Slack and Discord webhook URLs and password hashes: see {@link Tokens};</li>
 *   <li>private key blocks, replaced whole by one marker line ({@code [REDACTED RSA PRIVATE KEY]});
 *       a block cut before its END line (capped output) is masked to the end of the text.</li>
 * </ul>
 * Control characters are replaced as {@link ControlChars} says.
 *
 * <p>Placeholders and variable references stay as written, since they are instructions, not
 * secrets ({@code Bearer <token>}, {@code PGPASSWORD=$PGPASS}): see {@link SecretValues}.
 * Redacting twice gives the same text as redacting once. Stateless and thread-safe.
 *
 * <p>Linear in the length of the text: it is scanned with {@code indexOf} for the fixed strings
 * secrets come with ({@code ://}, {@code Bearer}, key words, token prefixes, command names), and a
 * pattern runs only where one stands, within a bounded window, never again over text an earlier
 * match of the same rule used (see {@link Edits}).
 */
public final class Redactor {
    /** What a secret is replaced with. */
    public static final String MASK = "****";

    /** After {@code ://}: user, then the password up to {@code @}. */
    private static final Pattern URL_PASSWORD = Pattern.compile("://[^\\s:/?#@'\"`]*+:([^\\s/'\"`]+)@");

    private static final Pattern AUTHORIZATION = Pattern.compile(
            "(?i)authorization[ \\t]*+[:=][ \\t]*+(?:bearer|basic|token|bot|digest)[ \\t]++([^\\s'\"`]++)");
    private static final Pattern BEARER = Pattern.compile("Bearer[ \\t]++([A-Za-z0-9\\-._~+/]++=*+)(?![^\\s'\"`,;)])");

    private Redactor() {}

    /** The text with every secret it recognizes masked; text without secrets comes back equal. */
    public static String redact(String text) {
        Objects.requireNonNull(text, "text");
        String out = PrivateKeys.replace(ControlChars.clean(text));
        Edits edits = new Edits();
        String lower = asciiLowerCase(out);
        Edits.matches(out, out, "://", URL_PASSWORD, i -> true, m -> mask(out, m, edits, true));
        Edits.matches(
                out,
                lower,
                "authorization",
                AUTHORIZATION,
                i -> Edits.wordStart(out, i),
                m -> mask(out, m, edits, true));
        Edits.matches(
                out,
                out,
                "Bearer",
                BEARER,
                i -> Edits.wordStart(out, i),
                m -> mask(
                        out,
                        m,
                        edits,
                        m.group(1).length() >= 20 || m.group(1).chars().anyMatch(Character::isDigit)));
        KeyValues.find(out, lower, edits);
        CommandOptions.find(out, edits);
        Tokens.find(out, edits);
        return edits.applyTo(out);
    }

    /** Masks group 1 unless it is a placeholder or not {@code credential}; returns the end used. */
    private static int mask(String text, Matcher m, Edits edits, boolean credential) {
        int end = Edits.valueEnd(text, m.end(1), m.regionEnd());
        if (credential && !SecretValues.isPlaceholder(text.substring(m.start(1), end), false, true)) {
            edits.replace(text, m.start(1), end, MASK);
        }
        return end;
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
