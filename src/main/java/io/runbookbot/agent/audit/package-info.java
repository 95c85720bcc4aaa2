@NullMarked
package io.runbookbot.agent.audit;

import org.jspecify.annotations.NullMarked;
