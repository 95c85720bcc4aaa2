package io.runbookbot.fakes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.List;

/**
 * The one guild the fake bot is in: the READY and GUILD_CREATE payloads, with every field JDA 6.5
 * insists on (see the recipe) plus the roles a test declared. Members: the bot and Alice.
 */
final class DiscordGuild {

    /** A declared role. Permissions come from {@code @everyone}, so extra roles grant nothing. */
    record Role(String id, String name) {}

    private final List<Role> roles;

    DiscordGuild(List<Role> roles) {
        this.roles = List.copyOf(roles);
    }

    ObjectNode ready(URI gatewayUrl) {
        ObjectNode ready = Json.template("discord/ready.json");
        ready.put("resume_gateway_url", gatewayUrl.toString());
        return ready;
    }

    ObjectNode guildCreate() {
        ObjectNode guild = Json.template("discord/guild-create.json");
        ArrayNode roleArray = (ArrayNode) guild.required("roles");
        ObjectNode everyone = (ObjectNode) roleArray.required(0);
        for (int i = 0; i < roles.size(); i++) {
            ObjectNode role = everyone.deepCopy();
            role.put("id", roles.get(i).id()).put("name", roles.get(i).name());
            role.put("permissions", "0").put("position", i + 1);
            roleArray.add(role);
        }
        return guild;
    }
}
