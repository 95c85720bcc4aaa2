@NullMarked
package io.runbookbot.search.eval;

import org.jspecify.annotations.NullMarked;
