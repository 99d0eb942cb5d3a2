package io.rowferry.internal;

import io.rowferry.Row;
import io.rowferry.RowStream;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes a {@link RowStream} to one subscriber, reading a row only when there is demand for it. Rows are
 * delivered on the thread that calls {@code request}; a request made from inside {@code onNext} only adds demand
 * and the outer loop delivers it (no recursion). The stream is closed on completion, error or cancel.
 */
public final class RowPublisher implements Flow.Publisher<Row> {
    private final RowStream rows;
    private final AtomicBoolean subscribed = new AtomicBoolean();

    public RowPublisher(RowStream rows) {
        this.rows = rows;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super Row> subscriber) {
        if (!subscribed.compareAndSet(false, true)) {
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {}

                @Override
                public void cancel() {}
            });
            subscriber.onError(new IllegalStateException("a RowStream publisher allows one subscriber"));
            return;
        }
        subscriber.onSubscribe(new RowSubscription(subscriber));
    }

    private final class RowSubscription implements Flow.Subscription {
        private final Flow.Subscriber<? super Row> subscriber;
        private final AtomicLong demand = new AtomicLong();
        private final AtomicInteger draining = new AtomicInteger();
        private volatile boolean done;

        RowSubscription(Flow.Subscriber<? super Row> subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public void request(long n) {
            if (done) {
                return;
            }
            if (n <= 0) {
                finish();
                subscriber.onError(new IllegalArgumentException("request must be positive, was " + n));
                return;
            }
            demand.getAndAccumulate(n, (current, add) -> current + add < 0 ? Long.MAX_VALUE : current + add);
            drain();
        }

        private void drain() {
            if (draining.getAndIncrement() != 0) {
                return; // another call on the stack is delivering; it will see the new demand
            }
            int missed = 1;
            do {
                while (!done && demand.get() > 0) {
                    Row row;
                    try {
                        row = rows.nextRow();
                    } catch (RuntimeException e) {
                        finish();
                        subscriber.onError(e);
                        return;
                    }
                    if (row == null) {
                        finish();
                        subscriber.onComplete();
                        return;
                    }
                    demand.decrementAndGet();
                    subscriber.onNext(row);
                }
                missed = draining.addAndGet(-missed);
            } while (missed != 0);
        }

        @Override
        public void cancel() {
            finish();
        }

        private void finish() {
            done = true;
            rows.close();
        }
    }
}
