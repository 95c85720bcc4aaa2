@NullMarked
package io.runbookbot.search.analysis;

import org.jspecify.annotations.NullMarked;
