@NullMarked
package io.runbookbot.app;

import org.jspecify.annotations.NullMarked;
