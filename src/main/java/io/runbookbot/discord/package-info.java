/**
 * The Discord front end (JDA): mentions, the {@code /runbook} slash command (ask, run with
 * suggestions and a form, diagnostics) and button clicks in, core requests to the {@link
 * io.runbookbot.core.chat.ChatEngine}, embeds, messages and buttons out.
 */
@NullMarked
package io.runbookbot.discord;

import org.jspecify.annotations.NullMarked;
