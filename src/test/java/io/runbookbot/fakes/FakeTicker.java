package io.runbookbot.fakes;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A Caffeine ticker that stands still until a test moves it, so expiry is tested without sleeping. */
public final class FakeTicker implements Ticker {
    private final AtomicLong nanos = new AtomicLong();

    public void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Override
    public long read() {
        return nanos.get();
    }
}
