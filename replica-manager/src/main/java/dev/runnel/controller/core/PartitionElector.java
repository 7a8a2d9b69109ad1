package dev.runnel.controller.core;

import dev.runnel.bus.control.PartitionInfo;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides a partition's leader and ISR from which stores are alive, without doing anything (the
 * controller persists and publishes what it returns). Pure and thread-safe.
 *
 * <ul>
 *   <li>Leader lost (its store is dead): the first replica, in preference order, that is alive and in
 *       the ISR leads, at the next leader epoch, with the ISR cut to the live members. With none, the
 *       partition goes offline (leader -1) and keeps its ISR, so any of those stores — which all hold
 *       every committed record — can lead again when it returns. Only a topic with
 *       {@code unclean.leader.election.enable=true} elects a live replica outside the ISR, accepting the
 *       loss of what it lacks.</li>
 *   <li>Offline partition: leads again as soon as an ISR member (or, unclean, any replica) is alive.</li>
 *   <li>Live leader, dead followers in the ISR: they leave the ISR at once (at the next partition epoch),
 *       so acks=all produces do not wait for {@code replica.lag.time.max.ms} on a store known dead.</li>
 *   <li>Preferred leader (only when asked): the first replica takes over when it is alive, in the ISR,
 *       and not already leading.</li>
 * </ul>
 */
public final class PartitionElector {
    private PartitionElector() {
    }

    /** The partition after store losses and returns, or empty when nothing changes. */
    public static Optional<PartitionInfo> afterLiveness(PartitionInfo p, Set<Integer> live, boolean uncleanAllowed) {
        List<Integer> liveIsr = p.isr().stream().filter(live::contains).toList();
        boolean leaderAlive = p.leader() >= 0 && live.contains(p.leader());
        if (leaderAlive) {
            if (liveIsr.size() == p.isr().size()) {
                return Optional.empty();
            }
            return Optional.of(p.withIsr(liveIsr));
        }
        Optional<Integer> clean = p.replicas().stream().filter(liveIsr::contains).findFirst();
        if (clean.isPresent()) {
            return Optional.of(p.withLeader(clean.get(), liveIsr));
        }
        if (uncleanAllowed) {
            Optional<Integer> unclean = p.replicas().stream().filter(live::contains).findFirst();
            if (unclean.isPresent()) {
                return Optional.of(p.withLeader(unclean.get(), List.of(unclean.get())));
            }
        }
        if (p.leader() == -1) {
            return Optional.empty();
        }
        return Optional.of(p.withLeader(-1, p.isr()));
    }

    /** The partition led by its preferred (first) replica, when that one is alive, in sync and not leading yet. */
    public static Optional<PartitionInfo> preferredLeader(PartitionInfo p, Set<Integer> live) {
        if (p.replicas().isEmpty()) {
            return Optional.empty();
        }
        int preferred = p.replicas().get(0);
        if (p.leader() == preferred || p.leader() < 0 || !live.contains(preferred) || !p.isr().contains(preferred)) {
            return Optional.empty();
        }
        return Optional.of(p.withLeader(preferred, p.isr()));
    }
}
