package io.runbookbot.core.alert;

import io.runbookbot.core.chat.TextChunks;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;

/**
 * A platform's refusal to show a channel's recent messages, which the crash-safe lookup of a
 * group's message needs: logged as a warning the first time (it names what to grant), at debug
 * level after that, so a channel without the right does not fill the log.
 */
public final class LookupRefusal {
    private final Logger log;
    private final String why;
    private final AtomicBoolean warned = new AtomicBoolean();

    /** @param why the message, with {} for the channel and {} for the platform's words */
    public LookupRefusal(Logger log, String why) {
        this.log = log;
        this.why = why;
    }

    public void log(String channel, AlertDeliveryException e) {
        // the platform's words, cut and on one line
        String said = TextChunks.cut(String.valueOf(e.getMessage()), 300).replaceAll("\\p{Cntrl}", " ");
        if (warned.compareAndSet(false, true)) {
            log.warn(why, channel, said);
        } else {
            log.debug(why, channel, said);
        }
    }
}
