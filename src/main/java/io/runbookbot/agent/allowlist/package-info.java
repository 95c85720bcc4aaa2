@NullMarked
package io.runbookbot.agent.allowlist;

import org.jspecify.annotations.NullMarked;
