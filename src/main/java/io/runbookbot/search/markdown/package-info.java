@NullMarked
package io.runbookbot.search.markdown;

import org.jspecify.annotations.NullMarked;
