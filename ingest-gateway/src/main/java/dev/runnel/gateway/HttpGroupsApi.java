package dev.runnel.gateway;

import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.control.ListOffsetsRequest;
import dev.runnel.bus.control.PartitionOffset;
import dev.runnel.bus.control.PartitionTimestamp;
import dev.runnel.bus.group.CommittedOffset;
import dev.runnel.bus.group.DescribeGroupsRequest;
import dev.runnel.bus.group.GroupDescription;
import dev.runnel.bus.group.OffsetFetchRequest;
import dev.runnel.bus.group.OffsetFetchResult;
import dev.runnel.wire.http.ConsumerAssignments;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /groups/{group}}: the group's state and members (with the partitions each owns, for the
 * consumer protocol), and per partition the committed offset, the end offset (latest, from the stores) and
 * the lag between them. A group with neither members nor committed offsets is 404 {@code GROUP_ID_NOT_FOUND};
 * an unreachable offset-service is 503 {@code COORDINATOR_NOT_AVAILABLE} (problem+json). Lag is null where
 * the end offset could not be read.
 */
@ApplicationScoped
public class HttpGroupsApi {
    @Inject
    GatewayService gateway;

    void routes(@Observes Router router) {
        router.get("/groups/:group").handler(this::describe);
    }

    private void describe(RoutingContext ctx) {
        String groupId = ctx.pathParam("group");
        Future<GroupDescription> description = gateway.groups().describeGroups(new DescribeGroupsRequest(List.of(groupId)))
                .map(result -> result.groups().get(0));
        Future<OffsetFetchResult> committed = gateway.groups().fetchOffsets(new OffsetFetchRequest(groupId, null));
        Future.all(description, committed).onComplete(both -> {
            if (both.failed() || description.result().error() != ErrorCode.NONE || committed.result().error() != ErrorCode.NONE) {
                HttpRecordsApi.problem(ctx, 503, ErrorCode.COORDINATOR_NOT_AVAILABLE, "The offset-service is not available");
                return;
            }
            GroupDescription group = description.result();
            List<CommittedOffset> offsets = committed.result().offsets();
            if ("Dead".equals(group.state()) && offsets.isEmpty()) {
                HttpRecordsApi.problem(ctx, 404, ErrorCode.GROUP_ID_NOT_FOUND, "Group " + groupId + " does not exist");
                return;
            }
            endOffsets(offsets).onComplete(ends -> ctx.response().putHeader("content-type", "application/json")
                    .end(render(group, offsets, ends.succeeded() ? ends.result() : Map.of()).encode()));
        });
    }

    private Future<Map<String, Long>> endOffsets(List<CommittedOffset> offsets) {
        if (offsets.isEmpty()) {
            return Future.succeededFuture(Map.of());
        }
        List<PartitionTimestamp> latest = offsets.stream()
                .map(o -> new PartitionTimestamp(o.topic(), o.partition(), PartitionTimestamp.LATEST)).toList();
        return gateway.backend().listOffsets(new ListOffsetsRequest(latest)).map(response -> {
            Map<String, Long> ends = new HashMap<>();
            for (PartitionOffset p : response.partitions()) {
                if (p.error() == ErrorCode.NONE) {
                    ends.put(p.topic() + "-" + p.partition(), p.offset());
                }
            }
            return ends;
        });
    }

    private static JsonObject render(GroupDescription group, List<CommittedOffset> offsets, Map<String, Long> ends) {
        JsonArray members = new JsonArray();
        group.members().forEach(m -> members.add(new JsonObject().put("memberId", m.memberId())
                .put("groupInstanceId", m.groupInstanceId()).put("clientId", m.clientId()).put("clientHost", m.clientHost())
                .put("partitions", new JsonArray(ConsumerAssignments.partitions(m.assignment()).stream()
                        .map(p -> new JsonObject().put("topic", p.topic()).put("partition", p.partition())).toList()))));
        JsonArray partitions = new JsonArray();
        long totalLag = 0;
        for (CommittedOffset o : offsets) {
            Long end = ends.get(o.topic() + "-" + o.partition());
            Long lag = end == null ? null : Math.max(0, end - o.offset());
            totalLag += lag == null ? 0 : lag;
            partitions.add(new JsonObject().put("topic", o.topic()).put("partition", o.partition())
                    .put("committedOffset", o.offset()).put("endOffset", end).put("lag", lag)
                    .put("metadata", o.metadata()).put("commitTime", o.commitTimeMs()));
        }
        return new JsonObject().put("group", group.groupId()).put("state", group.state())
                .put("protocolType", group.protocolType()).put("protocol", group.protocolName())
                .put("members", members).put("offsets", partitions).put("totalLag", totalLag);
    }
}
