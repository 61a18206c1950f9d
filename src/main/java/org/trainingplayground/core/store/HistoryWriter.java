package org.trainingplayground.core.store;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trainingplayground.core.metrics.EpochMetrics;
import org.trainingplayground.core.metrics.EvalMetrics;
import org.trainingplayground.core.metrics.StepMetrics;

/**
 * Keeps runs in the {@link RunStore} without slowing them: journals put small records in a
 * bounded queue, and this writer's own thread gathers them per run and saves every run that
 * changed every two seconds, one transaction per run. When the database is slow or down,
 * training goes on, {@link #saving()} turns false (the page says so), everything measured
 * waits in memory (the series stay bounded) and the writer retries; {@link #close()} flushes
 * what is left.
 */
public final class HistoryWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HistoryWriter.class);
    private static final int QUEUE_CAPACITY = 200_000;
    /** A crash loses at most this much; more often would cost a class's database more work. */
    private static final Duration FLUSH_EVERY = Duration.ofSeconds(2);

    private static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(10);

    /** What a journal hands over: applied on the writer thread only. */
    sealed interface Entry permits Started, Stepped, Evaluated, EpochEnded, StatusChanged {}

    record Started(
            RunJournal journal, RunStart start, List<String> tensorNames, EvalMetrics untrained)
            implements Entry {}

    record Stepped(String runId, StepMetrics step, long elapsedMs) implements Entry {}

    record Evaluated(String runId, EvalMetrics evaluation, long elapsedMs) implements Entry {}

    record EpochEnded(String runId, EpochMetrics epoch, long elapsedMs) implements Entry {}

    record StatusChanged(String runId, RunStatus status, String message) implements Entry {}

    private final RunStore store;
    private final HistoryPolicy policy;
    private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    /** The runs with something not yet saved; writer thread only. */
    private final Map<String, RunDraft> drafts = new LinkedHashMap<>();

    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;
    private volatile boolean saving = true;
    private volatile boolean stopping;
    private volatile boolean closed;
    private Instant nextPrune = Instant.EPOCH;

    /** Starts the writer's thread on an opened store. */
    public HistoryWriter(RunStore store, HistoryPolicy policy) {
        this.store = store;
        this.policy = policy;
        this.thread = new Thread(this::writeUntilClosed, "history-writer");
        thread.setDaemon(true);
        thread.start();
    }

    public RunStore store() {
        return store;
    }

    public HistoryPolicy policy() {
        return policy;
    }

    /**
     * A journal for a run about to be built; nothing is kept until its first step.
     *
     * @param tensorNames the network's weight and bias tensors, which name their series
     */
    public RunJournal journal(RunStart planned, List<String> tensorNames) {
        return new RunJournal(this, planned, tensorNames);
    }

    /** False while the database refuses the writes (or records were dropped since a save). */
    public boolean saving() {
        return saving;
    }

    /** True once the server is stopping: runs closed from now on were interrupted. */
    boolean stopping() {
        return stopping;
    }

    /** The server is stopping: runs still going are kept as interrupted. */
    public void serverStopping() {
        stopping = true;
    }

    void offer(Entry entry) {
        if (closed || !queue.offer(entry)) {
            // Only after close(), or with the writer thread 200,000 records behind: it takes
            // records into memory even while the database is down.
            dropped.incrementAndGet();
            saving = false;
        }
    }

    private void writeUntilClosed() {
        long waitMs = FLUSH_EVERY.toMillis();
        Instant nextFlush = Instant.now().plus(FLUSH_EVERY);
        while (!closed || !queue.isEmpty()) {
            try {
                Entry entry = queue.poll(50, TimeUnit.MILLISECONDS);
                while (entry != null) {
                    apply(entry);
                    entry = queue.poll();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closed = true;
            }
            if (closed || Instant.now().isAfter(nextFlush)) {
                boolean ok = flush();
                waitMs = ok
                        ? FLUSH_EVERY.toMillis()
                        : Math.min(waitMs * 2, MAX_RETRY_WAIT.toMillis());
                nextFlush = Instant.now().plusMillis(waitMs);
                if (closed) {
                    return;
                }
                pruneOldRunsNowAndThen();
            }
        }
        flush();
    }

    private void apply(Entry entry) {
        if (entry instanceof Started started) {
            RunStart start = started.start();
            drafts.put(
                    start.id(),
                    new RunDraft(
                            started.journal(), start, started.tensorNames(), started.untrained()));
        } else if (entry instanceof Stepped stepped) {
            draft(stepped.runId()).step(stepped.step(), stepped.elapsedMs());
        } else if (entry instanceof Evaluated evaluated) {
            draft(evaluated.runId()).evaluation(evaluated.evaluation(), evaluated.elapsedMs());
        } else if (entry instanceof EpochEnded ended) {
            draft(ended.runId()).epoch(ended.epoch(), ended.elapsedMs());
        } else if (entry instanceof StatusChanged changed) {
            draft(changed.runId()).status(changed.status(), changed.message());
        }
    }

    /** The run's draft; a run saved as ended takes nothing more (journals send nothing). */
    private RunDraft draft(String runId) {
        return drafts.getOrDefault(runId, RunDraft.IGNORED);
    }

    /**
     * Saves every changed run in one transaction (one commit every two seconds, not one per
     * run); false when the database refused, and then everything waits for the next try.
     */
    private boolean flush() {
        if (stopping) {
            drafts.values().forEach(RunDraft::interruptIfGoing);
        }
        Map<RunDraft, RunChanges> changed = new LinkedHashMap<>();
        drafts.values().forEach(draft -> {
            RunChanges changes = draft.changes();
            if (changes != null) {
                changed.put(draft, changes);
            }
        });
        try {
            store.save(List.copyOf(changed.values()));
            for (Map.Entry<RunDraft, RunChanges> saved : changed.entrySet()) {
                RunDraft draft = saved.getKey();
                boolean first = !draft.everSaved();
                draft.saved(saved.getValue());
                if (first && policy.maxRunsPerLearner() > 0) {
                    draft.journal()
                            .setPruned(store.pruneLearner(
                                    draft.summary().start().learnerId(),
                                    policy.maxRunsPerLearner()));
                }
            }
        } catch (RuntimeException e) {
            if (saving) {
                log.warn(
                        "Run history not saved to {}; retrying: {}",
                        store.settings().describe(),
                        StoreException.reason(e));
            }
            saving = false;
            return false;
        }
        drafts.values().removeIf(draft -> draft.summary().status().ended());
        boolean wasSaving = saving;
        saving = dropped.getAndSet(0) == 0;
        if (!wasSaving && saving) {
            log.info("Run history saved again to {}", store.settings().describe());
        }
        return true;
    }

    private void pruneOldRunsNowAndThen() {
        if (policy.historyDays() <= 0 || Instant.now().isBefore(nextPrune)) {
            return;
        }
        nextPrune = Instant.now().plus(Duration.ofHours(1));
        try {
            int removed = store.pruneEndedBefore(
                    Instant.now().minus(Duration.ofDays(policy.historyDays())));
            if (removed > 0) {
                log.info(
                        "Removed {} runs older than {} days from the history",
                        removed,
                        policy.historyDays());
            }
        } catch (RuntimeException e) {
            nextPrune = Instant.now().plus(FLUSH_EVERY);
        }
    }

    /**
     * Saves everything still waiting and stops the thread; gives up after {@code wait} if the
     * database is down (what was not saved is lost then, and the log says so).
     */
    public void close(Duration wait) {
        // Not interrupted: an interrupt inside the database driver would fail the last flush.
        closed = true;
        try {
            thread.join(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn(
                    "Run history: the last writes to {} did not finish within {} s",
                    store.settings().describe(),
                    wait.toSeconds());
        }
        store.close();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
