package io.runbookbot.agent.exec;

import java.util.ArrayList;
import java.util.List;

/**
 * Kills a process and everything it started. The descendants are collected before the parent
 * is killed (once it dies they are re-parented and can no longer be found from it), then a
 * second pass catches what the survivors forked in between. A child that detaches and exits
 * its parent within one poll of the runner cannot be found this way (a cgroup would be needed).
 */
final class ProcessTree {
    private ProcessTree() {}

    static void kill(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(root);
        root.descendants().forEach(tree::add);
        List<ProcessHandle> late = new ArrayList<>();
        for (ProcessHandle handle : tree) {
            handle.destroyForcibly();
        }
        for (ProcessHandle handle : tree) {
            handle.descendants().forEach(late::add);
        }
        late.forEach(ProcessHandle::destroyForcibly);
    }

    /** Kills those of {@code seen} still alive (background children left behind by a finished run). */
    static void killLeftovers(Iterable<ProcessHandle> seen) {
        for (ProcessHandle handle : seen) {
            if (handle.isAlive()) {
                handle.descendants().forEach(ProcessHandle::destroyForcibly);
                handle.destroyForcibly();
            }
        }
    }
}
