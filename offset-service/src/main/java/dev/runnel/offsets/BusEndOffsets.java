package dev.runnel.offsets;

import dev.runnel.bus.Addresses;
import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.control.ClusterMetadata;
import dev.runnel.bus.control.ListOffsetsRequest;
import dev.runnel.bus.control.ListOffsetsResponse;
import dev.runnel.bus.control.MetadataRequest;
import dev.runnel.bus.control.PartitionOffset;
import dev.runnel.bus.control.PartitionTimestamp;
import dev.runnel.bus.control.TopicInfo;
import dev.runnel.bus.group.TopicPartitionRef;
import dev.runnel.offsets.core.EndOffsets;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link EndOffsets} over the event bus: asks the replica-manager who leads what, then each leading store
 * once for the LATEST offsets (the high watermark) of its partitions. A store that does not answer costs
 * only its own partitions.
 */
final class BusEndOffsets implements EndOffsets {
    private static final long TIMEOUT_MS = 5_000;

    private final EventBus bus;

    BusEndOffsets(EventBus bus) {
        this.bus = bus;
    }

    @Override
    public Future<Map<TopicPartitionRef, Long>> latest(Set<TopicPartitionRef> partitions) {
        if (partitions.isEmpty()) {
            return Future.succeededFuture(Map.of());
        }
        return bus.<ClusterMetadata>request(Addresses.CONTROLLER_METADATA, new MetadataRequest("offset-service"),
                        new DeliveryOptions().setSendTimeout(TIMEOUT_MS))
                .map(Message::body)
                .compose(metadata -> askLeaders(byLeader(metadata, partitions)));
    }

    private static Map<Integer, List<PartitionTimestamp>> byLeader(ClusterMetadata metadata, Set<TopicPartitionRef> partitions) {
        Map<Integer, List<PartitionTimestamp>> byLeader = new HashMap<>();
        for (TopicPartitionRef p : partitions) {
            metadata.topic(p.topic()).flatMap(t -> t.partition(p.partition()))
                    .filter(info -> info.leader() >= 0)
                    .ifPresent(info -> byLeader.computeIfAbsent(info.leader(), l -> new ArrayList<>())
                            .add(new PartitionTimestamp(p.topic(), p.partition(), PartitionTimestamp.LATEST)));
        }
        return byLeader;
    }

    private Future<Map<TopicPartitionRef, Long>> askLeaders(Map<Integer, List<PartitionTimestamp>> byLeader) {
        List<Future<ListOffsetsResponse>> answers = new ArrayList<>();
        byLeader.forEach((leader, list) -> answers.add(bus.<ListOffsetsResponse>request(Addresses.storeListOffsets(leader),
                        new ListOffsetsRequest(list), new DeliveryOptions().setSendTimeout(TIMEOUT_MS))
                .map(Message::body)
                .otherwise(failure -> new ListOffsetsResponse(List.of()))));
        return Future.join(List.copyOf(answers)).map(done -> {
            Map<TopicPartitionRef, Long> ends = new HashMap<>();
            for (Future<ListOffsetsResponse> answer : answers) {
                for (PartitionOffset o : answer.result().partitions()) {
                    if (o.error() == ErrorCode.NONE && o.offset() >= 0) {
                        ends.put(new TopicPartitionRef(o.topic(), o.partition()), o.offset());
                    }
                }
            }
            return ends;
        });
    }
}
