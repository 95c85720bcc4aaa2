package io.runbookbot.cli;

import io.runbookbot.core.chat.ChatEngine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The bot a terminal command talks to: the same engine {@code serve} puts behind Slack and Discord,
 * built by the app from the command's settings. The terminal is one more front end: it sends a
 * request and prints the reply. Close it when the command is done.
 */
public interface TerminalBot extends AutoCloseable {

    ChatEngine engine();

    @Override
    void close();

    /**
     * What a command needs from the bot.
     *
     * @param summaries    generated summaries above answers (needs a chat model)
     * @param candidates   sections ranked per question
     * @param runs         diagnostics may run (opens the audit log); else they are only suggested
     * @param investigates  {@code investigate} is wanted (opens the investigation log)
     * @param maxToolCalls tool calls an investigation may make
     */
    record Needs(boolean summaries, int candidates, boolean runs, boolean investigates, int maxToolCalls) {
        /** Runs diagnostics, nothing else. */
        public static final Needs RUNS = new Needs(false, 5, true, false, 1);
    }

    /** Builds the bot for a command (the app's one wiring, from the command's settings). */
    @FunctionalInterface
    interface Factory {
        TerminalBot open(CommandSpec command, Needs needs);
    }
}
