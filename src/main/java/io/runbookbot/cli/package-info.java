@NullMarked
package io.runbookbot.cli;

import org.jspecify.annotations.NullMarked;
