package io.bramble.lb.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LimitCoresTest {
    @Test
    void connectionSlotsTellWatchersWhenFullAndWhenRoomReturns() {
        ConnectionSlots slots = new ConnectionSlots(2);
        AtomicInteger changes = new AtomicInteger();
        slots.watch(changes::incrementAndGet);
        slots.take();
        assertThat(slots.full()).isFalse();
        slots.take();
        assertThat(slots.full()).isTrue();
        assertThat(changes).hasValue(1);
        slots.release();
        assertThat(slots.full()).isFalse();
        assertThat(changes).hasValue(2);
        slots.setMax(1);
        assertThat(slots.full()).isTrue();
        slots.release();
        assertThatThrownBy(slots::release).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void waitQueueIsFirstComeFirstServedAndBounded() {
        WaitQueue<String> queue = new WaitQueue<>(3);
        assertThat(queue.add("a")).isTrue();
        assertThat(queue.add("b")).isTrue();
        assertThat(queue.add("c")).isTrue();
        assertThat(queue.add("d")).isFalse();
        assertThat(queue.next()).isEqualTo("a");
        queue.putBack("a");
        assertThat(queue.remove("b")).isTrue();
        assertThat(queue.remove("b")).isFalse();
        assertThat(queue.next()).isEqualTo("a");
        assertThat(queue.next()).isEqualTo("c");
        assertThat(queue.next()).isNull();
        assertThat(queue.lengthPeak()).isEqualTo(3);
    }

    @Test
    void bufferBudgetRefusesOnlyConnectionsAboveTheirFairShare() {
        long fair = BufferBudget.FAIR_SHARE_BYTES;
        BufferBudget budget = new BufferBudget(fair * 2);
        assertThat(budget.tryTake(fair, 0)).isTrue();
        assertThat(budget.tryTake(fair, 0)).isTrue();
        // Over the bound: a connection holding little still gets its bytes.
        assertThat(budget.tryTake(1_000, 0)).isTrue();
        // One already holding its fair share is refused, and nothing is taken.
        assertThat(budget.tryTake(1_000, fair)).isFalse();
        assertThat(budget.heldBytes()).isEqualTo(fair * 2 + 1_000);
        assertThat(budget.refusals()).isEqualTo(1);
        budget.give(fair * 2 + 1_000);
        assertThat(budget.heldBytes()).isZero();
        assertThatThrownBy(() -> budget.give(1)).isInstanceOf(IllegalStateException.class);
    }
}
