package io.runbookbot.redact;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Secrets recognised by their shape, found at a fixed prefix; the prefix stays, the rest
 * (group 1) becomes the mask: {@code xoxb-****}, {@code ghp_****}, {@code AKIA****},
 * {@code eyJ****} (a JWT), {@code sk_live_****}, {@code AIza****}, {@code glpat-****},
 * {@code npm_****}, a Slack or Discord webhook's secret path segment, and password hashes
 * ({@code $apr1$****}, {@code $2y$10$****}, {@code $6$****}, {@code {SHA}****}) as htpasswd and
 * shadow files hold them. All quantifiers are possessive, and no pattern fails after a long run
 * that holds another candidate; see {@link Edits} for why this is linear.
 */
final class Tokens {
    /**
     * One kind of token.
     *
     * @param needles   fixed strings a token of this kind starts with (or contains, see pattern)
     * @param pattern   matched where a needle stands; group 1 is the secret
     * @param wordStart true when the needle must start a word ({@code xoxb-}, not {@code abcxoxb-})
     * @param shape     what group 1 must contain to be a secret of this kind ("" when anything)
     */
    private record Kind(List<String> needles, Pattern pattern, boolean wordStart, String shape) {
        Kind(String needles, String pattern, boolean wordStart) {
            this(List.of(needles.split(" ")), Pattern.compile(pattern), wordStart, "");
        }
    }

    private static final String B64URL = "[A-Za-z0-9_-]";
    private static final String CRYPT = "[./0-9A-Za-z]";
    private static final List<Kind> KINDS = List.of(
            new Kind("xoxa- xoxb- xoxp- xoxr- xoxs- xapp-", "(?:xox[abprs]-|xapp-)([A-Za-z0-9-]{10,}+)", true),
            new Kind("ghp_ gho_ ghu_ ghs_ ghr_ github_pat_", "(?:gh[opsur]_|github_pat_)([A-Za-z0-9_]{20,}+)", true),
            new Kind("AKIA ASIA", "(?:AKIA|ASIA)([A-Z0-9]{16})\\b", true),
            // a JWT; a run that turns out not to be one, or is longer than the window, still matches (the
            // second branch), so it is not scanned again from each "eyJ" inside it, and is masked whole
            // when it holds a JWT's ".eyJ"
            new Kind(
                    List.of("eyJ"),
                    Pattern.compile(
                            "eyJ(" + B64URL + "{8,}+\\.eyJ" + B64URL + "{8,}+\\." + B64URL + "*+|[A-Za-z0-9_.-]*+)"),
                    true,
                    ".eyJ"),
            new Kind(
                    "sk_live_ rk_live_ sk_test_ rk_test_ whsec_",
                    "(?:[sr]k_(?:live|test)_|whsec_)([A-Za-z0-9]{10,}+)",
                    true),
            new Kind("AIza", "AIza(" + B64URL + "{30,}+)", true),
            new Kind(
                    "glpat- glrt- gldt- glptt- glcbt- gloas-",
                    "gl(?:pat|rt|dt|ptt|cbt|oas)-(" + B64URL + "{20,}+)",
                    true),
            new Kind("npm_", "npm_([A-Za-z0-9]{36})(?![A-Za-z0-9_])", true),
            new Kind(
                    "hooks.slack.com/",
                    "hooks\\.slack\\.com/(?:services|workflows|triggers)/(?:[A-Za-z0-9]++/){1,4}+"
                            + "([A-Za-z0-9]{16,}+)",
                    false),
            new Kind("/api/webhooks/", "/api/webhooks/[0-9]++/(" + B64URL + "{20,}+)", false),
            new Kind(
                    "$apr1$ $1$ $5$ $6$",
                    "\\$(?:apr1|[156])\\$((?:rounds=[0-9]++\\$)?" + CRYPT + "{1,16}+\\$" + CRYPT + "{22,}+)",
                    false),
            new Kind("$2a$ $2b$ $2y$", "\\$2[aby]\\$[0-9]{2}\\$(" + CRYPT + "{53})", false),
            new Kind("{SHA} {SSHA}", "\\{S?SHA\\}([A-Za-z0-9+/]{27,}+=*+)", false));

    private Tokens() {}

    /** Adds an edit for every token of {@code text}. */
    static void find(String text, Edits edits) {
        for (Kind kind : KINDS) {
            for (String needle : kind.needles()) {
                Edits.matches(
                        text, text, needle, kind.pattern(), i -> !kind.wordStart() || Edits.wordStart(text, i), m -> {
                            int end = Edits.valueEnd(text, m.end(1), m.regionEnd());
                            String secret = text.substring(m.start(1), end);
                            if (secret.contains(kind.shape()) && !SecretValues.isPlaceholder(secret, false, true)) {
                                edits.replace(text, m.start(1), end, Redactor.MASK);
                            }
                            return end;
                        });
            }
        }
    }
}
