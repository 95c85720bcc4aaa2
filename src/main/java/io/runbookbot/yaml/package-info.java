/**
 * The one YAML reader (Jackson YAML): the agent's allowlist, the agent registry and {@code --config}
 * files are read the same way, duplicate keys refused. A leaf: JDK and Jackson only.
 */
@NullMarked
package io.runbookbot.yaml;

import org.jspecify.annotations.NullMarked;
