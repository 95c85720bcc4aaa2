package io.runbookbot.app;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the value of a setting is read and checked: the one place each check lives. A parser throws
 * {@link IllegalArgumentException} with a message for the user that never quotes a secret; the
 * caller puts the setting's source (flag, variable or config file) in front of it.
 */
enum SettingKind {
    TEXT {
        @Override
        Object parse(String v) {
            return v.trim();
        }
    },
    PATH {
        @Override
        Object parse(String v) {
            return Path.of(v.trim());
        }
    },
    /** A file that must exist. */
    FILE {
        @Override
        Object parse(String v) {
            Path path = Path.of(v.trim());
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("file not found: " + path);
            }
            return path;
        }
    },
    BYTES {
        @Override
        Object parse(String v) {
            return number(v, 1, Integer.MAX_VALUE - 8, "a size in bytes (1 to 2147483639)");
        }
    },
    PORT {
        @Override
        Object parse(String v) {
            return (int) number(v, 0, 65_535, "a port number (0-65535)");
        }
    },
    /** An IP address to listen on (a literal, so loading never waits on DNS). */
    BIND {
        @Override
        Object parse(String v) {
            String value = v.trim();
            Matcher v6 = IPV6.matcher(value);
            boolean balanced = value.startsWith("[") == value.endsWith("]");
            if (IPV4.matcher(value).matches() || (v6.matches() && balanced)) {
                try {
                    return InetAddress.getByName(v6.matches() ? v6.group(1) : value);
                } catch (UnknownHostException e) {
                    // reported below
                }
            }
            throw new IllegalArgumentException(
                    "\"" + value + "\" is not an IP address to listen on; use 127.0.0.1 (this"
                            + " host only), 0.0.0.0 (every interface), :: (every interface, IPv6) or one of this host's addresses");
        }
    },
    /** Seconds, more than 0 and at most 600; fractions allowed. */
    SECONDS {
        @Override
        Object parse(String v) {
            try {
                double seconds = Double.parseDouble(v.trim());
                if (seconds > 0 && seconds <= 600) {
                    return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("\"" + v + "\" is not a number of seconds (more than 0, at most 600)");
        }
    },
    /** An http(s) URL with a host; trailing slashes are dropped. */
    HTTP_URL {
        @Override
        Object parse(String v) {
            return httpUrl(v.trim(), "http://127.0.0.1:11434").replaceFirst("/+$", "");
        }
    },
    /** An http(s) URL prefix that ends with a slash, such as the Slack Web API's. */
    URL_PREFIX {
        @Override
        Object parse(String v) {
            String url = httpUrl(v.trim(), "https://slack.com/api/");
            if (!url.endsWith("/")) {
                throw new IllegalArgumentException("\"" + url + "\" must end with /");
            }
            return url;
        }
    },
    MODEL {
        @Override
        Object parse(String v) {
            String value = v.trim();
            if (!MODEL_NAME.matcher(value).matches()) {
                throw new IllegalArgumentException(
                        "\"" + value + "\" is not a model name such as nomic-embed-text or " + "llama3.1:8b");
            }
            return value;
        }
    },
    /** Comma-separated channel ids or name patterns such as {@code inc-*}. */
    CHANNELS {
        @Override
        Object parse(String v) {
            List<String> channels = Arrays.stream(v.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .toList();
            for (String channel : channels) {
                if (!CHANNEL.matcher(channel).matches()) {
                    throw new IllegalArgumentException("\"" + channel
                            + "\" is neither a channel id nor a name pattern such as inc-* or #incident-*");
                }
            }
            return channels;
        }
    },
    SLACK_BOT_TOKEN {
        @Override
        Object parse(String v) {
            return token(v, "xoxb-", SLACK_TOKEN);
        }
    },
    SLACK_APP_TOKEN {
        @Override
        Object parse(String v) {
            return token(v, "xapp-", SLACK_TOKEN);
        }
    },
    SIGNING_SECRET {
        @Override
        Object parse(String v) {
            return token(v, "", ANY);
        }
    },
    DISCORD_TOKEN {
        @Override
        Object parse(String v) {
            return token(v, "", DISCORD);
        }
    };

    private static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("\\[?+([0-9A-Fa-f.]{0,45}+:[0-9A-Fa-f:.]{0,45}+)]?+");
    private static final Pattern MODEL_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]*");
    private static final Pattern WHITESPACE = Pattern.compile("\\s");
    private static final Pattern CHANNEL = Pattern.compile("#?[A-Za-z0-9_*.-]+");
    private static final Pattern SLACK_TOKEN = Pattern.compile("[A-Za-z0-9-]+");
    private static final Pattern DISCORD =
            Pattern.compile("[A-Za-z0-9_-]{16,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{16,}");
    private static final Pattern ANY = Pattern.compile("\\S+");

    /** Reads and checks a value; the message of the exception thrown names the problem, not the setting. */
    abstract Object parse(String value);

    boolean secret() {
        return this == SLACK_BOT_TOKEN || this == SLACK_APP_TOKEN || this == SIGNING_SECRET || this == DISCORD_TOKEN;
    }

    /** A parsed value as the start-up summary shows it; a secret shows only its known prefix. */
    static String show(Object value) {
        if (value instanceof InetAddress address) {
            return address.getHostAddress();
        }
        if (value instanceof Duration duration) {
            return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() / 1000.0 + " s";
        }
        if (value instanceof List<?> list) {
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

    private static long number(String v, long min, long max, String what) {
        try {
            long n = Long.parseLong(v.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("\"" + v + "\" is not " + what);
    }

    private static String httpUrl(String url, String example) {
        try {
            URI uri = URI.create(url);
            if (List.of("http", "https").contains(String.valueOf(uri.getScheme())) && uri.getHost() != null) {
                return url;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException("\"" + url + "\" is not an http(s) URL such as " + example);
    }

    /** A token with a known prefix and no whitespace; the error shows neither value nor content. */
    private static Secret token(String value, String prefix, Pattern rest) {
        if (WHITESPACE.matcher(value).find()) {
            throw new IllegalArgumentException("contains whitespace (check for a stray space, newline or \"Bot \")");
        }
        if (value.regionMatches(true, 0, "Bot ", 0, 4) || value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new IllegalArgumentException("give the bare token, without a \"Bot \" or \"Bearer \" prefix");
        }
        if (!value.startsWith(prefix)
                || !rest.matcher(value.substring(prefix.length())).matches()) {
            throw new IllegalArgumentException(
                    "malformed: expected " + (prefix.isEmpty() ? "" : prefix + " followed by ")
                            + "the token as the platform shows it (" + value.length() + " characters given)");
        }
        return new Secret(value, prefix);
    }
}
