package io.runbookbot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code java} command for the bot, agent and CLI processes that tests start. They live for
 * seconds and mostly start up, so they use the client compiler only and one GC thread: about half
 * the CPU of a default start, on a 2-core machine that runs test JVMs side by side. Not for
 * benchmarks: with {@code -Drunbookbot.benchmark=true} the processes run as in production.
 */
public final class TestJvm {
    private static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private TestJvm() {}

    /** {@code java} and the options above: put the class path or {@code -jar} and the arguments after it. */
    public static List<String> java() {
        if (benchmark()) {
            return List.of(JAVA);
        }
        return concat(List.of(JAVA), QUICK_START);
    }

    /** {@link #java()} followed by {@code rest}. */
    public static List<String> java(String... rest) {
        return concat(java(), List.of(rest));
    }

    /**
     * {@link #java()}, the {@link #testClassPath()} and then {@code mainAndArgs}: a test-started main
     * class, on the fat jar with its class-data archive when the tests run against the jar.
     */
    public static List<String> main(String... mainAndArgs) {
        List<String> command = new ArrayList<>(java());
        command.addAll(testClassPath());
        command.addAll(List.of(mainAndArgs));
        return command;
    }

    /**
     * {@code -jar jar}, preceded by the options that map the fat jar's class-data archive (see
     * {@link JarClassArchive}) unless this is a benchmark: put it after {@link #java()}.
     */
    public static List<String> jar(Path jar) {
        List<String> options = new ArrayList<>(benchmark() ? List.of() : JarClassArchive.options(jar));
        options.addAll(List.of("-jar", jar.toString()));
        return options;
    }

    /**
     * {@code -cp jar:extra}, preceded by the archive options as in {@link #jar} (the archive's class
     * path is a prefix of this one, which class-data sharing allows).
     */
    public static List<String> classPath(Path jar, Path extra) {
        List<String> options = new ArrayList<>(benchmark() ? List.of() : JarClassArchive.options(jar));
        options.addAll(List.of("-cp", jar + java.io.File.pathSeparator + extra));
        return options;
    }

    /**
     * The class path of a test-started {@code Main} (or a test main): when the tests run against the
     * fat jar (failsafe, after {@code package}), {@code -cp runbook-bot.jar:test-classes} with the
     * archive options as in {@link #classPath} (the same main classes and libraries the test JVM
     * loads, from the jar); otherwise the test JVM's own class path as it is.
     */
    public static List<String> testClassPath() {
        String own = System.getProperty("java.class.path");
        Path base = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        Path jar = base.resolve("target/runbook-bot.jar");
        boolean againstJar = List.of(own.split(java.io.File.pathSeparator)).contains(jar.toString());
        if (!againstJar || !java.nio.file.Files.isRegularFile(jar)) {
            return List.of("-cp", own);
        }
        return classPath(jar, base.resolve("target/test-classes"));
    }

    private static boolean benchmark() {
        return Boolean.getBoolean("runbookbot.benchmark");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
