@NullMarked
package io.runbookbot.search.index;

import org.jspecify.annotations.NullMarked;
