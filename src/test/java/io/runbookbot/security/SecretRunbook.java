package io.runbookbot.security;

import io.runbookbot.core.Caller;
import io.runbookbot.core.chat.BotEngine;
import io.runbookbot.core.chat.BotReply;
import io.runbookbot.core.chat.BotRequest;
import io.runbookbot.search.IndexedRunbooks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A runbook that spells out secrets in its front-matter title, its headings and its body. */
public final class SecretRunbook {
    /** Secrets placed in the front-matter title, the headings and the body. */
    public static final List<String> SECRETS = List.of(
            "TitleS3cret",
            "HeadingS3cret",
            "SubheadS3cret",
            "0123456789abcdefghijABCDEFGHIJ",
            "BodyS3cret",
            "AbCdEfGhIjKlMnOpQrStUvWx");

    public static final String TEXT = """
            ---
            title: Orders DB (postgresql://orders:TitleS3cret@db:5432/orders)
            ---
            Owners: the orders team. Paging policy: page the orders on-call
            for the orders database, then the platform team.

            # Orders database

            ## Check with PASSWORD=HeadingS3cret

            Connection refused by the orders database: check that the server is up.

            ```bash
            PGPASSWORD=BodyS3cret psql -h db -U orders -c 'select 1'
            ```

            ### Rotate the token GITHUB_TOKEN=ghp_0123456789abcdefghijABCDEFGHIJ and mysql -pSubheadS3cret

            Rotate the deploy token when the orders deploy fails with 401.
            Post to xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx when done.
            Then check the connection again.
            """;

    private SecretRunbook() {}

    /** Writes the runbook to {@code dir/orders.md} and indexes {@code dir}. */
    public static IndexedRunbooks indexed(Path dir) {
        try {
            Files.writeString(dir.resolve("orders.md"), TEXT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return IndexedRunbooks.open(dir);
    }

    /** The bot's reply to {@code question}, from the real engine over the real index. */
    public static BotReply reply(IndexedRunbooks runbooks, String question) {
        return BotEngine.builder(() -> runbooks).build().handle(Caller.LOCAL_OPERATOR, new BotRequest.Ask(question));
    }
}
