package org.trainingplayground.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

class ThrottledWarningTest {

    /** Keeps each warning as the line it would write. */
    private static final class Lines extends LegacyAbstractLogger {
        final List<String> written = new ArrayList<>();

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(
                Level level,
                Marker marker,
                String format,
                Object[] arguments,
                Throwable throwable) {
            written.add(level + " " + MessageFormatter.basicArrayFormat(format, arguments));
        }

        @Override
        public boolean isTraceEnabled() {
            return true;
        }

        @Override
        public boolean isDebugEnabled() {
            return true;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }
    }

    @Test
    void aFloodWritesOneLinePerIntervalAndTheNextSaysHowManyWereHeldBack() {
        Lines log = new Lines();
        AtomicLong now = new AtomicLong(1_000_000_000L);
        ThrottledWarning warning = new ThrottledWarning(log, Duration.ofSeconds(10), now::get);

        warning.warn("Refused {}", "a");
        for (int i = 0; i < 500; i++) {
            now.addAndGet(Duration.ofMillis(10).toNanos()); // 5 s in all
            warning.warn("Refused {}", "b");
        }
        assertEquals(List.of("WARN Refused a"), log.written);

        now.addAndGet(Duration.ofSeconds(5).toNanos());
        warning.warn("Refused {}", "c");
        assertEquals(
                List.of(
                        "WARN Refused a",
                        "WARN Refused c (500 more like it since the last such warning)"),
                log.written);
    }
}
