package dev.runnel.store.core;

import dev.runnel.bus.data.FetchResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class DelayedFetchTest {
    private static final TopicPartition ORDERS_0 = new TopicPartition("orders", 0);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    /** A read whose byte count the test sets; each read answers a new response object. */
    private static final class ScriptedRead {
        final AtomicInteger bytes = new AtomicInteger();
        final AtomicInteger reads = new AtomicInteger();

        FetchOutcome<FetchResponse> read() {
            reads.incrementAndGet();
            return new FetchOutcome<>(new FetchResponse(List.of()), bytes.get(), false);
        }
    }

    @Test
    void completesOnlyWhenAReReadReachesMinBytes() {
        ScriptedRead read = new ScriptedRead();
        DelayedFetch<FetchResponse> fetch = new DelayedFetch<>(Set.of(ORDERS_0), 100, read::read);

        read.bytes.set(60);
        assertThat(fetch.tryComplete()).isFalse();
        assertThat(fetch.result()).isNotDone();

        read.bytes.set(120);
        assertThat(fetch.tryComplete()).isTrue();
        assertThat(fetch.result()).isCompleted();
    }

    @Test
    void expiresOnceWithAFinalReadWhateverItsSize() {
        ScriptedRead read = new ScriptedRead();
        DelayedFetch<FetchResponse> fetch = new DelayedFetch<>(Set.of(ORDERS_0), 100, read::read);

        fetch.expire();
        fetch.expire();
        assertThat(fetch.tryComplete()).isTrue();

        assertThat(fetch.result()).isCompleted();
        assertThat(read.reads.get()).isEqualTo(1);
    }

    @Test
    void purgatoryWakesOnlyTheFetchesWatchingTheAppendedPartition() throws Exception {
        FetchPurgatory purgatory = new FetchPurgatory(timer, Runnable::run, 10);
        ScriptedRead ordersRead = new ScriptedRead();
        ScriptedRead paymentsRead = new ScriptedRead();
        CompletableFuture<FetchResponse> orders = purgatory.park(Set.of(ORDERS_0), 1, 60_000,
                ordersRead.read(), ordersRead::read);
        CompletableFuture<FetchResponse> payments = purgatory.park(Set.of(new TopicPartition("payments", 0)), 1, 60_000,
                paymentsRead.read(), paymentsRead::read);
        assertThat(purgatory.parkedCount()).isEqualTo(2);

        ordersRead.bytes.set(10);
        paymentsRead.bytes.set(10);
        purgatory.onAppend(ORDERS_0);

        assertThat(orders).isCompleted();
        assertThat(payments).isNotDone();
        assertThat(purgatory.parkedCount()).isEqualTo(1);
        purgatory.close();
        assertThat(payments).isCompleted();
    }

    @Test
    void purgatoryExpiresAFetchAfterItsWait() throws Exception {
        FetchPurgatory purgatory = new FetchPurgatory(timer, Runnable::run, 10);
        ScriptedRead read = new ScriptedRead();

        CompletableFuture<FetchResponse> parked = purgatory.park(Set.of(ORDERS_0), 1, 100, read.read(), read::read);

        parked.get(30, TimeUnit.SECONDS);
        assertThat(purgatory.parkedCount()).isZero();
    }

    @Test
    void aFullPurgatoryAnswersAtOnce() {
        FetchPurgatory purgatory = new FetchPurgatory(timer, Runnable::run, 1);
        ScriptedRead read = new ScriptedRead();
        purgatory.park(Set.of(ORDERS_0), 1, 60_000, read.read(), read::read);

        CompletableFuture<FetchResponse> overflow = purgatory.park(Set.of(ORDERS_0), 1, 60_000, read.read(), read::read);

        assertThat(overflow).isCompleted();
        assertThat(purgatory.parkedCount()).isEqualTo(1);
        purgatory.close();
    }
}
