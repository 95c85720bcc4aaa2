/**
 * Fake Slack and Discord servers on 127.0.0.1 that speak the platforms' wire formats, so that the
 * adapters can be tested end to end with real Bolt and real JDA and no network. See {@link
 * io.runbookbot.fakes.FakeSlack} and {@link io.runbookbot.fakes.FakeDiscord}.
 */
@NullMarked
package io.runbookbot.fakes;

import org.jspecify.annotations.NullMarked;
