@NullMarked
package io.runbookbot.agent.protocol;

import org.jspecify.annotations.NullMarked;
