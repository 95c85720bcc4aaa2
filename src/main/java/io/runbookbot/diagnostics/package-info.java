@NullMarked
package io.runbookbot.diagnostics;

import org.jspecify.annotations.NullMarked;
