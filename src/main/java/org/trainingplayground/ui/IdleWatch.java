package org.trainingplayground.ui;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trainingplayground.core.metrics.RunState;
import org.trainingplayground.session.PlaygroundSession;

/**
 * Pauses a playground's run when none of its pages has been visible for a while: a student who
 * closed the tab or switched away should not hold a share of the CPU the class needs. It does
 * not resume the run; the page that becomes visible again says why it is paused.
 *
 * <p>The pages of one playground are its browser session's tabs (or one embedded frame). Each
 * reports whether it is visible; a page that is gone no longer counts.
 */
final class IdleWatch {

    private static final Logger log = LoggerFactory.getLogger(IdleWatch.class);

    /** How often at most the watch looks; the pause comes at most this late. */
    private static final Duration LONGEST_CHECK_INTERVAL = Duration.ofSeconds(5);

    private final PlaygroundSession session;
    private final long idleNanos;
    private final Map<Object, Boolean> pageVisible = new HashMap<>();
    /** When the last visible page went away or was hidden; the creation time at first. */
    private long unseenSinceNanos = System.nanoTime();

    private boolean pausedForIdleness;
    private long lastCheckNanos;
    private final ScheduledFuture<?> checkTask;

    /**
     * @param timer the app's timer; each check only takes two short locks
     */
    IdleWatch(PlaygroundSession session, Duration idlePause, ScheduledExecutorService timer) {
        this.session = session;
        this.idleNanos = idlePause.toNanos();
        // A quarter of the pause keeps the overshoot small; the cap keeps a long pause
        // precise to seconds, and the floor keeps a test's short pause from busy-looping.
        long period =
                Math.max(20, Math.min(idlePause.toMillis() / 4, LONGEST_CHECK_INTERVAL.toMillis()));
        checkTask = timer.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * The page is shown (opened, or its tab brought to the front).
     *
     * @return true if the run was paused because no page was seen, and is still paused: the
     *     page should say so
     */
    synchronized boolean pageShown(Object page) {
        pageVisible.put(page, true);
        if (pausedForIdleness && session.state() != RunState.PAUSED) {
            pausedForIdleness = false; // started again from another tab meanwhile
        }
        return pausedForIdleness;
    }

    /** The page's tab went to the background or was minimised. */
    synchronized void pageHidden(Object page) {
        noLongerSeen(page, true);
    }

    /** The page is closed, reloaded or navigated away from. */
    synchronized void pageGone(Object page) {
        noLongerSeen(page, false);
    }

    private void noLongerSeen(Object page, boolean stillOpen) {
        boolean wasSeen = anyVisible();
        if (stillOpen) {
            pageVisible.put(page, false);
        } else {
            pageVisible.remove(page);
        }
        if (wasSeen && !anyVisible()) {
            unseenSinceNanos = System.nanoTime();
        }
    }

    /** The student pressed Start: the earlier pause is no longer news. */
    synchronized void resumedByStudent() {
        pausedForIdleness = false;
    }

    /** Stops watching, when the playground ends. */
    void stop() {
        checkTask.cancel(false);
    }

    /** When the last check ran ({@link System#nanoTime}); a test waits for one past the limit. */
    synchronized long lastCheckNanos() {
        return lastCheckNanos;
    }

    private boolean anyVisible() {
        return pageVisible.containsValue(true);
    }

    /** Runs on the timer thread. */
    private synchronized void check() {
        RunState state = session.state();
        if (state == RunState.CLOSED) {
            stop();
            return;
        }
        long now = System.nanoTime();
        try {
            if (anyVisible() || now - unseenSinceNanos < idleNanos) {
                return;
            }
            if (state == RunState.RUNNING) {
                session.pause();
                pausedForIdleness = true;
                log.info(
                        "Paused a run none of whose pages was seen for {} s",
                        TimeUnit.NANOSECONDS.toSeconds(idleNanos));
            }
        } catch (RuntimeException e) {
            // A failure must not end the repeating check for good (the timer would drop it).
            log.warn("Could not pause an idle run", e);
        } finally {
            lastCheckNanos = now;
        }
    }
}
