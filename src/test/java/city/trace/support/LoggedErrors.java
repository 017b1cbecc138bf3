package city.trace.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What the application logs, while open, at ERROR, or at WARN with an exception (a stack trace): the
 * application runs in the test's JVM, so its log records reach the root logger's handlers here.
 */
public final class LoggedErrors implements AutoCloseable {

    private final List<String> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            int level = record.getLevel().intValue();
            if (level >= Level.SEVERE.intValue() || level >= Level.WARNING.intValue() && record.getThrown() != null) {
                records.add(record.getLevel() + " " + record.getLoggerName() + ": " + record.getMessage() + " "
                        + record.getThrown());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LoggedErrors() {
        Logger.getLogger("").addHandler(handler);
    }

    public static LoggedErrors record() {
        return new LoggedErrors();
    }

    /** Each error logged since {@link #record()}, in a line. */
    public List<String> lines() {
        return List.copyOf(records);
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(handler);
    }
}
