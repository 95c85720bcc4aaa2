@NullMarked
package io.runbookbot.agent;

import org.jspecify.annotations.NullMarked;
