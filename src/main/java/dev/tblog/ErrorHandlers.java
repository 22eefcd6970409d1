package dev.tblog;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The default handler of consumer errors: prints the first ten with their stack traces to
 * standard error, then one line per thousand, so a failing disk cannot flood the console.
 *
 * <p>Thread contract: any thread.
 */
final class ErrorHandlers {
    private ErrorHandlers() {
    }

    static Consumer<Throwable> printing(String runDir) {
        AtomicLong count = new AtomicLong();
        return t -> {
            long n = count.incrementAndGet();
            if (n <= 10) {
                System.err.println("tblog: error in the logger of " + runDir + " (" + n + "): " + t);
                t.printStackTrace();
            } else if (n % 1000 == 0) {
                System.err.println("tblog: " + n + " errors so far in the logger of " + runDir + ", latest: " + t);
            }
        };
    }
}
