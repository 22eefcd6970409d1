package dev.tblog.ring;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.LiteBlockingWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import dev.tblog.config.ProducerChoice;
import dev.tblog.config.WaitStrategyChoice;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * Makes the ring as the configuration says: the Disruptor's wait strategy and producer type for the
 * config's choices (which name no Disruptor type), and its consumer thread, a Netty
 * {@code FastThreadLocalThread} so that the pooled allocator gives it a thread-local cache.
 *
 * <p>Thread contract: stateless, any thread.
 */
public final class Rings {
    private Rings() {
    }

    /** A Disruptor of {@code size} preallocated slots; not started. */
    public static Disruptor<LogSlot> create(int size, WaitStrategyChoice wait, ProducerChoice producers) {
        return new Disruptor<>(LogSlot::new, size, new DefaultThreadFactory("tblog-consumer", true),
            producerType(producers), waitStrategy(wait));
    }

    static WaitStrategy waitStrategy(WaitStrategyChoice choice) {
        return switch (choice) {
            case SLEEPING -> new SleepingWaitStrategy();
            case BLOCKING -> new BlockingWaitStrategy();
            case LITE_BLOCKING -> new LiteBlockingWaitStrategy();
            case YIELDING -> new YieldingWaitStrategy();
            case BUSY_SPIN -> new BusySpinWaitStrategy();
        };
    }

    static ProducerType producerType(ProducerChoice choice) {
        return choice == ProducerChoice.SINGLE ? ProducerType.SINGLE : ProducerType.MULTI;
    }
}
