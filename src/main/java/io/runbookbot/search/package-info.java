@NullMarked
package io.runbookbot.search;

import org.jspecify.annotations.NullMarked;
