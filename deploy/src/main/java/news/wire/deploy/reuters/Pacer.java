package news.wire.deploy.reuters;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out start times at a fixed rate to any number of workers. Starts follow a schedule fixed in advance, not
 * the previous answer, so a slow answer does not quietly lower the rate a latency run asks for.
 */
public final class Pacer {

    private final long intervalNanos;
    private final long start = System.nanoTime();
    private final AtomicLong turns = new AtomicLong();

    /** @param perSecond starts per second; 0 means no pacing */
    public Pacer(double perSecond) {
        this.intervalNanos = perSecond > 0 ? Math.max(1, Math.round(1e9 / perSecond)) : 0;
    }

    /** Waits until the next free start time. */
    public void awaitTurn() throws InterruptedException {
        if (intervalNanos == 0) {
            return;
        }
        long due = start + turns.getAndIncrement() * intervalNanos;
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
