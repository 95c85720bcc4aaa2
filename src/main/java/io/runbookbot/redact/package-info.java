@NullMarked
package io.runbookbot.redact;

import org.jspecify.annotations.NullMarked;
