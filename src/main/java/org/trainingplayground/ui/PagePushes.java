package org.trainingplayground.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * When a page is brought up to date by server push: a few times a second while the session
 * has changed, and at once, with the status and charts only, when the run changes state.
 */
final class PagePushes {

    /** How often new metrics are pushed to the browser. */
    static final long INTERVAL_MS = 250;

    private ScheduledFuture<?> periodic;
    private Runnable stopPrompt;

    /**
     * Starts pushing to {@code ui}.
     *
     * @param due whether the page is behind the session and the browser can take a push
     * @param refresh brings the whole page up to date (UI thread)
     * @param refreshPrompt the status, buttons and charts only (UI thread)
     * @param watchPromptChanges registers a callback for the run's state changes and returns
     *     what unregisters it
     */
    void start(
            UI ui,
            ScheduledExecutorService timer,
            BooleanSupplier due,
            Runnable refresh,
            Runnable refreshPrompt,
            Function<Runnable, Runnable> watchPromptChanges) {
        stop();
        Runnable push = () -> {
            if (due.getAsBoolean()) {
                access(ui, refresh);
            }
        };
        // A click on Start or Pause is answered before the run changes state (on the training
        // thread), so without this the change would wait for the next periodic push. This
        // push carries the status, buttons and charts only: a pause also rebuilds the step
        // view (about 500 elements), which would hold the status back in a busy browser.
        Runnable promptPush = () -> access(ui, refreshPrompt);
        periodic = timer.scheduleAtFixedRate(push, INTERVAL_MS, INTERVAL_MS, TimeUnit.MILLISECONDS);
        stopPrompt = watchPromptChanges.apply(() -> {
            try {
                timer.execute(promptPush);
            } catch (RejectedExecutionException serverStopping) {
                // No more pushes: the server is shutting down.
            }
        });
    }

    void stop() {
        if (stopPrompt != null) {
            stopPrompt.run();
            stopPrompt = null;
        }
        if (periodic != null) {
            periodic.cancel(false);
            periodic = null;
        }
    }

    private static void access(UI ui, Runnable command) {
        try {
            ui.access(command::run);
        } catch (UIDetachedException closedMeanwhile) {
            // The tab went away between two pushes; the page's detach stops them.
        }
    }
}
