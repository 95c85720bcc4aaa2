package io.runbookbot.core.chat;

/** What "help" says, on every platform. */
final class HelpText {
    static final String TEXT = """
            Ask me what you see and I answer with the runbook section that helps:
            • an error line: `OSError: [Errno 98] Address already in use`
            • an alert: `KubePodCrashLooping firing in prod`
            • a symptom: `api returns 502 after deploy`
            I show the runbook's own text and where it comes from; when no runbook fits I say so.
            Diagnostics (allowlisted, read-only checks on the affected host):
            • `run <id> key=value ... [on <agent>]`, e.g. `run listening-port port=8000 on web-1`
            • `confirm <token>` for a check that changes something; `diagnostics` lists them all
            Investigate (when a chat model is configured): `investigate <symptom>` lets a model search the \
            runbooks and run read-only checks as you, then answers with its sources (generated text).
            • `help` shows this, `reindex` re-reads the runbooks.""";

    private HelpText() {}
}
