package io.runbookbot.diagnostics;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body of at most {@code max} bytes: past that the subscription is cancelled (nothing
 * more is read) and the body fails with {@link TooLarge}. It needs no reading thread, so a caller
 * can wait for the whole response with one deadline.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
    /** The body went past the cap. */
    static final class TooLarge extends IOException {
        TooLarge(int max) {
            super("response body larger than " + max + " bytes");
        }
    }

    private final int max;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final List<ByteBuffer> parts = new ArrayList<>();
    private long size;
    private Flow.Subscription subscription;

    private BoundedBody(int max) {
        this.max = max;
    }

    static HttpResponse.BodyHandler<byte[]> handler(int max) {
        return info -> new BoundedBody(max);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            size += item.remaining();
            if (size > max) {
                subscription.cancel();
                parts.clear();
                body.completeExceptionally(new TooLarge(max));
                return;
            }
            parts.add(item);
        }
    }

    @Override
    public void onError(Throwable error) {
        parts.clear();
        body.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        if (body.isDone()) {
            return;
        }
        byte[] all = new byte[(int) size];
        int at = 0;
        for (ByteBuffer part : parts) {
            int n = part.remaining();
            part.get(all, at, n);
            at += n;
        }
        parts.clear();
        body.complete(all);
    }
}
