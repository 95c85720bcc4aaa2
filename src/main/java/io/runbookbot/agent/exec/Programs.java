package io.runbookbot.agent.exec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the executable for argv[0]. A bare name is looked up in the runner's fixed PATH (the JDK
 * would search the agent's own PATH instead, which is not what the child gets).
 */
final class Programs {
    private Programs() {}

    static Optional<Path> find(String program, List<Path> searchPath) {
        if (program.indexOf('/') >= 0) {
            Path path = Path.of(program);
            return path.isAbsolute() && runnable(path) ? Optional.of(path) : Optional.empty();
        }
        return searchPath.stream()
                .map(dir -> dir.resolve(program))
                .filter(Programs::runnable)
                .findFirst();
    }

    private static boolean runnable(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }
}
