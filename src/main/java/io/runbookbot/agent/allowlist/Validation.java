package io.runbookbot.agent.allowlist;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What {@link ArgumentValidator} decided about a request: the argv to run, or why not.
 */
public sealed interface Validation {

    /**
     * The request is allowed; {@code argv} is the entry's template with checked values filled in
     * (a path parameter as its checked real path).
     *
     * @param files the argv elements of a read-only entry that name files through path parameters;
     *              the runner opens those files itself, without following links, and passes what it
     *              opened (see {@code agent.exec.PinnedFiles}), so the file cannot be swapped for a
     *              link between the check and the run. Entries that change something (and so need a
     *              person's confirmation) may name files that do not exist yet: they get the checked
     *              path by name, and this list is empty
     */
    record Accepted(List<String> argv, List<FileArgument> files) implements Validation {
        public Accepted {
            argv = List.copyOf(argv);
            if (argv.isEmpty()) {
                throw new IllegalArgumentException("argv must not be empty");
            }
            files = List.copyOf(files);
        }

        /** An argv with no path parameters. */
        public Accepted(List<String> argv) {
            this(argv, List.of());
        }

        /** The argv with each checked file replaced by {@code opened.apply(file)}. */
        public List<String> argv(Function<Path, String> opened) {
            List<String> out = new java.util.ArrayList<>(argv);
            for (FileArgument f : files) {
                out.set(f.index(), f.with(opened));
            }
            return out;
        }
    }

    /**
     * Element {@code index} of argv: {@code template} with {@code values}, where the parameters in
     * {@code files} name checked files (absolute real paths inside their root).
     */
    record FileArgument(int index, String template, Map<String, String> values, Map<String, Path> files) {
        public FileArgument {
            Objects.requireNonNull(template, "template");
            values = Map.copyOf(values);
            files = Map.copyOf(files);
        }

        String with(Function<Path, String> opened) {
            Map<String, String> replaced = new HashMap<>(values);
            files.forEach((name, file) -> replaced.put(name, opened.apply(file)));
            return Placeholders.substitute(template, replaced);
        }
    }

    /** The request is refused; {@code reason} is written for the person who asked. */
    record Rejected(String reason) implements Validation {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
