@NullMarked
package io.runbookbot.agent.exec;

import org.jspecify.annotations.NullMarked;
