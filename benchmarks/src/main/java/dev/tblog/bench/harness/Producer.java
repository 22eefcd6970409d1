package dev.tblog.bench.harness;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.atomic.AtomicInteger;

/** One producer thread of a benchmark: its own tag, its own steps. Confined to its JMH thread. */
@State(Scope.Thread)
public class Producer {
    private static final AtomicInteger IDS = new AtomicInteger();

    public final String tag = "producer/" + IDS.getAndIncrement();
    public long step;
}
