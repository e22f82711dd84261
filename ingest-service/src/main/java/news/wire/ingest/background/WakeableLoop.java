package news.wire.ingest.background;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A background thread that runs one pass whenever it is woken, and at least once per interval when nothing wakes
 * it: woken after a commit for low latency, polling as the fallback for work nobody announced (rows left by a
 * crash or another instance, a pass that failed). The outbox relay and the feed poller run on one each.
 */
public final class WakeableLoop {

    private final String name;
    private final Duration interval;
    private final Runnable pass;
    private final Semaphore wakeUp = new Semaphore(0);

    private volatile boolean running;
    private volatile Thread thread;

    public WakeableLoop(String name, Duration interval, Runnable pass) {
        this.name = name;
        this.interval = interval;
        this.pass = pass;
    }

    public void start() {
        running = true;
        thread = new Thread(this::run, name);
        thread.start();
    }

    /** Stops after the pass in progress, waiting for it at most {@code wait}. */
    public void stop(Duration wait) throws InterruptedException {
        running = false;
        wakeUp.release();
        Thread current = thread;
        if (current != null) {
            current.join(wait.toMillis());
        }
    }

    /** Asks for a pass as soon as the current one (if any) ends; many calls before it starts make one pass. */
    public void wakeUp() {
        wakeUp.release();
    }

    public boolean alive() {
        Thread current = thread;
        return current != null && current.isAlive();
    }

    private void run() {
        while (running) {
            try {
                wakeUp.tryAcquire(interval.toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (running) {
                pass.run();
            }
        }
    }
}
