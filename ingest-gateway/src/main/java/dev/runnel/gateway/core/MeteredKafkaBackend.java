package dev.runnel.gateway.core;

import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.control.AlterConfigsRequest;
import dev.runnel.bus.control.AlterReassignmentsRequest;
import dev.runnel.bus.control.AlterReassignmentsResult;
import dev.runnel.bus.control.ClusterMetadata;
import dev.runnel.bus.control.CreatePartitionsRequest;
import dev.runnel.bus.control.CreateTopicsRequest;
import dev.runnel.bus.control.DeleteTopicsRequest;
import dev.runnel.bus.control.InitProducerIdRequest;
import dev.runnel.bus.control.ListOffsetsRequest;
import dev.runnel.bus.control.ListOffsetsResponse;
import dev.runnel.bus.control.ListReassignmentsRequest;
import dev.runnel.bus.control.ListReassignmentsResult;
import dev.runnel.bus.control.ProducerIdResult;
import dev.runnel.bus.control.TopicResults;
import dev.runnel.bus.data.FetchRequest;
import dev.runnel.bus.data.FetchResponse;
import dev.runnel.bus.data.PartitionFetchResult;
import dev.runnel.bus.data.PartitionProduceResult;
import dev.runnel.bus.data.PartitionRecords;
import dev.runnel.bus.data.ProduceRequest;
import dev.runnel.bus.data.ProduceResponse;
import dev.runnel.wire.KafkaBackend;
import io.vertx.core.Future;

import java.util.HashMap;
import java.util.Map;

/**
 * A {@link KafkaBackend} that reports traffic per topic to a {@link TrafficObserver} and otherwise
 * delegates. Bytes and records in count only partitions the store accepted (error NONE), so a rejected
 * or failed produce is not counted; bytes out are the batches handed back to the client.
 */
public final class MeteredKafkaBackend implements KafkaBackend {
    private final KafkaBackend delegate;
    private final TrafficObserver traffic;

    public MeteredKafkaBackend(KafkaBackend delegate, TrafficObserver traffic) {
        this.delegate = delegate;
        this.traffic = traffic;
    }

    @Override
    public Future<ProduceResponse> produce(ProduceRequest request) {
        return delegate.produce(request).onSuccess(response -> {
            Map<String, PartitionRecords> sent = new HashMap<>();
            request.partitions().forEach(p -> sent.put(p.topic() + '\u0000' + p.partition(), p));
            for (PartitionProduceResult result : response.partitions()) {
                PartitionRecords records = sent.get(result.topic() + '\u0000' + result.partition());
                if (records != null && result.error() == ErrorCode.NONE) {
                    traffic.produced(records.topic(), records.records().length(),
                            BatchRecordCounts.count(records.records()));
                }
            }
        });
    }

    @Override
    public Future<FetchResponse> fetch(FetchRequest request) {
        return delegate.fetch(request).onSuccess(response -> {
            for (PartitionFetchResult result : response.partitions()) {
                if (result.records() != null && result.records().length() > 0) {
                    traffic.fetched(result.topic(), result.records().length(), BatchRecordCounts.count(result.records()));
                }
            }
        });
    }

    @Override
    public Future<ClusterMetadata> metadata() {
        return delegate.metadata();
    }

    @Override
    public Future<ListOffsetsResponse> listOffsets(ListOffsetsRequest request) {
        return delegate.listOffsets(request);
    }

    @Override
    public Future<TopicResults> createTopics(CreateTopicsRequest request) {
        return delegate.createTopics(request);
    }

    @Override
    public Future<TopicResults> deleteTopics(DeleteTopicsRequest request) {
        return delegate.deleteTopics(request);
    }

    @Override
    public Future<TopicResults> createPartitions(CreatePartitionsRequest request) {
        return delegate.createPartitions(request);
    }

    @Override
    public Future<TopicResults> alterConfigs(AlterConfigsRequest request) {
        return delegate.alterConfigs(request);
    }

    @Override
    public Future<ProducerIdResult> initProducerId(InitProducerIdRequest request) {
        return delegate.initProducerId(request);
    }

    @Override
    public Future<AlterReassignmentsResult> alterReassignments(AlterReassignmentsRequest request) {
        return delegate.alterReassignments(request);
    }

    @Override
    public Future<ListReassignmentsResult> listReassignments(ListReassignmentsRequest request) {
        return delegate.listReassignments(request);
    }
}
