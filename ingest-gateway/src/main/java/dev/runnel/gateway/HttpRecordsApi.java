package dev.runnel.gateway;

import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.control.TopicInfo;
import dev.runnel.bus.data.FetchRequest;
import dev.runnel.bus.data.PartitionFetch;
import dev.runnel.bus.data.PartitionFetchResult;
import dev.runnel.bus.data.PartitionProduceResult;
import dev.runnel.bus.data.PartitionRecords;
import dev.runnel.bus.data.ProduceRequest;
import dev.runnel.gateway.core.KeyPartitioner;
import dev.runnel.wire.http.DecodedRecord;
import dev.runnel.wire.http.HttpRecords;
import dev.runnel.wire.http.JsonRecord;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gateway's HTTP API for records:
 * <ul>
 *   <li>{@code POST /topics/{topic}/records} with {@code {"records":[{"key":..,"value":..,"headers":{..},
 *       "partition":n}]}} appends them (acks=all) and answers {@code {"offsets":[{"partition":p,"offset":o}]}}
 *       in the order given. Records without a partition go where Kafka's producer would put them.</li>
 *   <li>{@code GET /topics/{topic}/partitions/{p}/records?offset=&maxBytes=} reads from an offset.</li>
 * </ul>
 * Errors are RFC 7807 problem+json, with the Kafka error name in {@code kafkaError}.
 */
@ApplicationScoped
public class HttpRecordsApi {
    private static final int PRODUCE_TIMEOUT_MS = 30_000;
    private static final int DEFAULT_MAX_BYTES = 1024 * 1024;
    private static final long MAX_BODY_BYTES = 16L * 1024 * 1024;

    @Inject
    GatewayService gateway;

    private final KeyPartitioner partitioner = new KeyPartitioner();

    void routes(@Observes Router router) {
        router.post("/topics/:topic/records").handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES)).handler(this::produce);
        router.get("/topics/:topic/partitions/:partition/records").handler(this::read);
    }

    private void produce(RoutingContext ctx) {
        String topicName = ctx.pathParam("topic");
        TopicInfo topic = gateway.metadata().topic(topicName).orElse(null);
        if (topic == null) {
            problem(ctx, 404, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, "Topic " + topicName + " does not exist");
            return;
        }
        JsonArray records;
        try {
            records = ctx.body().asJsonObject().getJsonArray("records");
        } catch (DecodeException | ClassCastException | NullPointerException e) {
            problem(ctx, 400, ErrorCode.INVALID_REQUEST, "Body must be {\"records\":[{\"key\":..,\"value\":..}]}");
            return;
        }
        if (records == null || records.isEmpty()) {
            problem(ctx, 400, ErrorCode.INVALID_REQUEST, "Body must hold a non-empty \"records\" array");
            return;
        }
        // partition -> the positions (in the request) and records going there, in request order
        Map<Integer, List<Integer>> positions = new LinkedHashMap<>();
        Map<Integer, List<JsonRecord>> byPartition = new LinkedHashMap<>();
        int partitions = topic.partitions().size();
        for (int i = 0; i < records.size(); i++) {
            JsonObject r;
            JsonRecord record;
            Integer partition;
            try {
                r = records.getJsonObject(i);
                record = new JsonRecord(r.getString("key"), r.getString("value"), headers(r.getJsonObject("headers")),
                        r.getLong("timestamp") == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(r.getLong("timestamp")));
                partition = r.getInteger("partition");
            } catch (ClassCastException e) {
                problem(ctx, 400, ErrorCode.INVALID_REQUEST, "Record " + i + ": key, value and header values must be strings");
                return;
            }
            int p = partition != null ? partition : partitioner.partition(record.key(), partitions);
            if (p < 0 || p >= partitions) {
                problem(ctx, 404, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, "Topic " + topicName + " has no partition " + p);
                return;
            }
            positions.computeIfAbsent(p, k -> new ArrayList<>()).add(i);
            byPartition.computeIfAbsent(p, k -> new ArrayList<>()).add(record);
        }
        List<PartitionRecords> batches = new ArrayList<>();
        byPartition.forEach((p, list) -> batches.add(new PartitionRecords(topicName, p, -1, HttpRecords.encode(list))));
        gateway.records().produce(new ProduceRequest((short) -1, PRODUCE_TIMEOUT_MS, batches))
                .onFailure(ctx::fail)
                .onSuccess(response -> {
                    JsonObject[] offsets = new JsonObject[records.size()];
                    for (PartitionProduceResult result : response.partitions()) {
                        if (result.error() != ErrorCode.NONE) {
                            problem(ctx, statusOf(result.error()), result.error(),
                                    result.errorMessage() != null ? result.errorMessage() : "Produce to partition " + result.partition() + " failed");
                            return;
                        }
                        List<Integer> at = positions.get(result.partition());
                        for (int k = 0; k < at.size(); k++) {
                            offsets[at.get(k)] = new JsonObject().put("partition", result.partition()).put("offset", result.baseOffset() + k);
                        }
                    }
                    ctx.response().putHeader("content-type", "application/json")
                            .end(new JsonObject().put("offsets", new JsonArray(List.of(offsets))).encode());
                });
    }

    private void read(RoutingContext ctx) {
        String topicName = ctx.pathParam("topic");
        int partition;
        long offset;
        int maxBytes;
        try {
            partition = Integer.parseInt(ctx.pathParam("partition"));
            offset = Long.parseLong(ctx.queryParams().get("offset") == null ? "0" : ctx.queryParams().get("offset"));
            String max = ctx.queryParams().get("maxBytes");
            maxBytes = max == null ? DEFAULT_MAX_BYTES : Integer.parseInt(max);
        } catch (NumberFormatException e) {
            problem(ctx, 400, ErrorCode.INVALID_REQUEST, "partition, offset and maxBytes must be numbers");
            return;
        }
        if (maxBytes <= 0) {
            problem(ctx, 400, ErrorCode.INVALID_FETCH_SIZE, "maxBytes must be positive");
            return;
        }
        FetchRequest request = new FetchRequest(0, 0, maxBytes, List.of(new PartitionFetch(topicName, partition, offset, maxBytes, -1)));
        gateway.records().fetch(request)
                .onFailure(ctx::fail)
                .onSuccess(response -> {
                    PartitionFetchResult result = response.partitions().get(0);
                    if (result.error() != ErrorCode.NONE) {
                        problem(ctx, statusOf(result.error()), result.error(), "Read of " + topicName + "-" + partition + " at " + offset + " failed");
                        return;
                    }
                    JsonArray out = new JsonArray();
                    for (DecodedRecord r : HttpRecords.decode(result.records())) {
                        if (r.offset() >= offset) {
                            out.add(new JsonObject().put("offset", r.offset()).put("timestamp", r.timestamp())
                                    .put("key", r.key()).put("value", r.value()).put("headers", new JsonObject(new HashMap<>(r.headers()))));
                        }
                    }
                    ctx.response().putHeader("content-type", "application/json")
                            .end(new JsonObject().put("records", out).put("highWatermark", result.highWatermark())
                                    .put("logStartOffset", result.logStartOffset()).encode());
                });
    }

    private static Map<String, String> headers(JsonObject json) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (json != null) {
            json.forEach(e -> headers.put(e.getKey(), (String) e.getValue()));
        }
        return headers;
    }

    static int statusOf(ErrorCode error) {
        return switch (error) {
            case UNKNOWN_TOPIC_OR_PARTITION -> 404;
            case OFFSET_OUT_OF_RANGE -> 416;
            case MESSAGE_TOO_LARGE, RECORD_LIST_TOO_LARGE -> 413;
            case INVALID_REQUEST, INVALID_RECORD, CORRUPT_MESSAGE, INVALID_FETCH_SIZE -> 400;
            case REQUEST_TIMED_OUT -> 504;
            default -> 503;
        };
    }

    static void problem(RoutingContext ctx, int status, ErrorCode error, String detail) {
        ctx.response().setStatusCode(status).putHeader("content-type", "application/problem+json")
                .end(new JsonObject().put("type", "about:blank").put("title", error.name()).put("status", status)
                        .put("detail", detail).put("kafkaError", error.name()).put("kafkaErrorCode", error.code()).encode());
    }
}
