/**
 * Alerts as the chat adapters post them: {@link io.runbookbot.core.alert.AlertPost} is one
 * Alertmanager group with its runbook section, already matched, routed and redacted;
 * {@link io.runbookbot.core.alert.AlertDestination} is what Slack and Discord implement to post,
 * update and annotate it. Neutral of any chat platform, like the rest of the core.
 */
@NullMarked
package io.runbookbot.core.alert;

import org.jspecify.annotations.NullMarked;
