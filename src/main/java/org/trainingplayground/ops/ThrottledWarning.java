package org.trainingplayground.ops;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * A warning written at most once per interval, with a count of the ones held back since. What
 * a client can cause as often as it likes (a refused visit, a malformed message) must not be
 * able to fill the log, yet the operator should still see that it happens and how often.
 */
public final class ThrottledWarning {

    private final Logger log;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final AtomicLong lastWritten;
    private final AtomicLong heldBack = new AtomicLong();

    public ThrottledWarning(Logger log, Duration interval) {
        this(log, interval, System::nanoTime);
    }

    ThrottledWarning(Logger log, Duration interval, LongSupplier nanoTime) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
        this.lastWritten = new AtomicLong(nanoTime.getAsLong() - intervalNanos);
    }

    /** Writes this warning (one line) unless one was written within the interval. */
    public void warn(String format, Object... arguments) {
        long last = lastWritten.get();
        long now = nanoTime.getAsLong();
        if (now - last < intervalNanos || !lastWritten.compareAndSet(last, now)) {
            heldBack.incrementAndGet();
            return;
        }
        long held = heldBack.getAndSet(0);
        String line = held == 0
                ? format
                : format + " (" + held + " more like it since the last such warning)";
        log.warn(line, arguments);
    }
}
