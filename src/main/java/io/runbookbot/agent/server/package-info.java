@NullMarked
package io.runbookbot.agent.server;

import org.jspecify.annotations.NullMarked;
