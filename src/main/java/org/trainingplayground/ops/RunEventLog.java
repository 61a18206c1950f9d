package org.trainingplayground.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trainingplayground.core.spec.RunSpec;
import org.trainingplayground.core.train.EngineEvents;

/**
 * Writes one line per run start, stop and failure, as key=value pairs a log search can filter
 * on: {@code event=run_started run=7 session=3f2a9c01 dataset=mnist params=109386
 * optimizer=sgd}.
 */
public final class RunEventLog implements EngineEvents.Observer {

    private static final Logger log = LoggerFactory.getLogger(RunEventLog.class);

    /** Starts logging every run of the JVM; closing the result stops it. */
    public static EngineEvents.Observation start() {
        return EngineEvents.observe(new RunEventLog());
    }

    @Override
    public void runChanged(EngineEvents.RunEvent event) {
        if (event.kind() == EngineEvents.Kind.FAILED) {
            // A diverged loss is the student's lesson, not the server's fault; the scheduler
            // has already logged the stack trace of any internal error.
            log.warn(line(event));
        } else {
            log.info(line(event));
        }
    }

    static String line(EngineEvents.RunEvent event) {
        RunSpec spec = event.spec();
        StringBuilder line = new StringBuilder()
                .append("event=")
                .append(event.kind().eventName())
                .append(" run=")
                .append(event.run())
                .append(" session=")
                .append(event.owner())
                .append(" dataset=")
                .append(spec.dataset().kind().key())
                .append(" params=")
                .append(spec.network().parameterCount())
                .append(" optimizer=")
                .append(spec.optimizer().kind().key())
                .append(" steps=")
                .append(event.steps());
        if (event.reason() != null) {
            line.append(" reason=").append(quoted(event.reason()));
        }
        return line.toString();
    }

    /** In double quotes, with quotes, backslashes and line breaks escaped: one line per event. */
    static String quoted(String text) {
        return '"'
                + text.replace("\\", "\\\\")
                        .replace("\"", "\\\"")
                        .replace("\r", "\\r")
                        .replace("\n", "\\n")
                + '"';
    }
}
