/**
 * The Discord front end (JDA): mentions and the {@code /runbook} slash command in, core requests to
 * the {@link io.runbookbot.core.chat.ChatEngine}, embeds, messages and buttons out.
 */
@NullMarked
package io.runbookbot.discord;

import org.jspecify.annotations.NullMarked;
