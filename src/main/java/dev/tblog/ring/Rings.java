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

    /**
     * A Disruptor and how to wake its consumer now (for the callers that must not wait for it to
     * notice: barriers, a full ring); the wake is a no-op for the strategies that need none.
     *
     * <p>Thread contract: immutable; {@code wakeConsumer} from any thread.
     */
    public record Ring(Disruptor<LogSlot> disruptor, Runnable wakeConsumer) {
    }

    /** A Disruptor of {@code size} preallocated slots, not started, and its consumer's wake. */
    public static Ring create(int size, WaitStrategyChoice wait, ProducerChoice producers) {
        WaitStrategy strategy = waitStrategy(wait);
        Disruptor<LogSlot> disruptor = new Disruptor<>(LogSlot::new, size,
            new DefaultThreadFactory("tblog-consumer", true), producerType(producers), strategy);
        if (strategy instanceof ParkingWaitStrategy parking) {
            parking.watch(disruptor.getRingBuffer());
            return new Ring(disruptor, parking::wake);
        }
        return new Ring(disruptor, () -> {
        });
    }

    static WaitStrategy waitStrategy(WaitStrategyChoice choice) {
        return switch (choice) {
            case PARKING -> new ParkingWaitStrategy();
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
