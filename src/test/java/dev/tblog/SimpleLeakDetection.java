package dev.tblog;

import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For load and allocation tests: PARANOID leak detection (the test default) records a stack trace
 * on every buffer access, which would make a load test measure Netty's bookkeeping and an
 * allocation guard count it. SIMPLE still reports leaks. Restored after the class.
 */
public final class SimpleLeakDetection implements BeforeAllCallback, AfterAllCallback {
    private ResourceLeakDetector.Level previous;

    @Override
    public void beforeAll(ExtensionContext context) {
        previous = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.SIMPLE);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ResourceLeakDetector.setLevel(previous);
    }
}
