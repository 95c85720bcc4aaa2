/** The platform-neutral conversation: requests people make and the replies adapters render. */
@NullMarked
package io.runbookbot.core.chat;

import org.jspecify.annotations.NullMarked;
