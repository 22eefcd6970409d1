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
 * config's choices (which name no Disruptor type), batched claims ({@link Reservations}), and its
 * consumer thread, a Netty
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
    public record Ring(Disruptor<LogSlot> disruptor, Runnable wakeConsumer, Reservations reservations) {
    }

    /** As {@link #create(int, WaitStrategyChoice, ProducerChoice, int)}, one slot per claim. */
    public static Ring create(int size, WaitStrategyChoice wait, ProducerChoice producers) {
        return create(size, wait, producers, 1);
    }

    /**
     * A Disruptor of {@code size} preallocated slots, not started, its consumer's wake, and batched
     * claims for scalars when {@code claimBatch} is 2 or more (null otherwise).
     *
     * @param claimBatch slots a thread claims at once for its scalars: only with a multi-producer
     *     ring and the parking wait strategy, whose consumer gives unfilled ones up (the caller
     *     passes 1 otherwise)
     * @throws IllegalArgumentException a batch over 1 with another producer type or wait strategy
     */
    public static Ring create(int size, WaitStrategyChoice wait, ProducerChoice producers, int claimBatch) {
        if (claimBatch > 1 && (wait != WaitStrategyChoice.PARKING || producers != ProducerChoice.MULTI)) {
            throw new IllegalArgumentException("claim batch " + claimBatch + " needs the parking wait strategy "
                + "and a multi-producer ring, not " + wait + " and " + producers);
        }
        WaitStrategy strategy = waitStrategy(wait);
        Disruptor<LogSlot> disruptor = new Disruptor<>(LogSlot::new, size,
            new DefaultThreadFactory("tblog-consumer", true), producerType(producers), strategy);
        if (strategy instanceof ParkingWaitStrategy parking) {
            parking.watch(disruptor.getRingBuffer());
            Reservations reservations = null;
            if (claimBatch > 1) {
                reservations = new Reservations(disruptor.getRingBuffer(), Math.min(claimBatch, size));
                parking.giveUpUnfilled(reservations);
            }
            return new Ring(disruptor, parking::wake, reservations);
        }
        return new Ring(disruptor, () -> {
        }, null);
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
