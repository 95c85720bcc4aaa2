@NullMarked
package io.runbookbot.core;

import org.jspecify.annotations.NullMarked;
