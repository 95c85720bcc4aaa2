package io.runbookbot.core;

import java.util.Locale;

/**
 * How likely the shown section is the right one, in the bands a reader can act on. The bands are
 * calibrated on the dev question sets (cross-validated); the README gives each band's measured
 * precision at rank 1.
 */
public enum Confidence {
    /** Right at rank 1 at least nine times in ten: act on it. */
    HIGH,
    /** Usually right: read the heading before acting, and glance at the other candidates. */
    MEDIUM,
    /** A guess: the closest section, shown with the other headings it might be. */
    LOW;

    /** "High", "Medium", "Low". */
    public String label() {
        String name = name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** How answers state it: "confidence High", or for a guess, that it may not be the right section. */
    public String caption() {
        return this == LOW ? "confidence Low: may not be the right section" : "confidence " + label();
    }

    /** The title of the other candidates' list: a guess offers them as "Did you mean". */
    public String othersTitle() {
        return this == LOW ? "Did you mean" : "Other candidates";
    }

    /** "high", "medium", "low": for machine-readable output. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
