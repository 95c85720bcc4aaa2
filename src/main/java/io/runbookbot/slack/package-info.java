/**
 * The Slack front end (Bolt): slash command, mentions, incident-channel triage and buttons, in
 * HTTP mode or Socket Mode. Platform event → {@link io.runbookbot.core.chat.ChatEngine} → Slack
 * reply; no conversation logic lives here.
 */
@NullMarked
package io.runbookbot.slack;

import org.jspecify.annotations.NullMarked;
