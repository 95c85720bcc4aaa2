package io.runbookbot.slack;

import com.slack.api.methods.MethodsClient;
import io.runbookbot.core.Caller;

/**
 * Who asks, as the core sees them: the Slack user id, the user groups they are in as roles
 * ({@link SlackUserGroups}), the channel, and whether it is one of the incident channels
 * ({@link SlackIncidentChannels}). Both lookups are cached; call it off Slack's acknowledgement
 * path, on the answer threads.
 */
record SlackCallers(SlackUserGroups groups, SlackIncidentChannels incidentChannels) {
    Caller of(String userId, String channelId, MethodsClient client) {
        boolean incident = !channelId.isEmpty() && incidentChannels.contains(channelId, client);
        return new Caller(SlackReplies.PLATFORM, userId, groups.roles(userId, client), channelId, incident);
    }
}
