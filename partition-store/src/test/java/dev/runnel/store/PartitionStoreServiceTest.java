package dev.runnel.store;

import dev.runnel.bus.Addresses;
import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.control.ClusterMetadata;
import dev.runnel.bus.control.HeartbeatAck;
import dev.runnel.bus.control.ListOffsetsRequest;
import dev.runnel.bus.control.ListOffsetsResponse;
import dev.runnel.bus.control.PartitionInfo;
import dev.runnel.bus.control.PartitionTimestamp;
import dev.runnel.bus.control.StoreInfo;
import dev.runnel.bus.control.TopicInfo;
import dev.runnel.bus.data.FetchRequest;
import dev.runnel.bus.data.FetchResponse;
import dev.runnel.bus.data.PartitionFetch;
import dev.runnel.bus.data.PartitionProduceResult;
import dev.runnel.bus.data.PartitionRecords;
import dev.runnel.bus.data.ProduceRequest;
import dev.runnel.bus.data.ProduceResponse;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Quarkus shell end to end on its clustered event bus: readiness, metadata from a stand-in
 * controller (consumers on the controller's addresses in this JVM), produce, fetch and list-offsets
 * through the store's own addresses.
 */
@QuarkusTest
class PartitionStoreServiceTest {
    private static final int BROKER = 1;

    @Inject
    Vertx vertx;

    @TestHTTPResource("/q/health/ready")
    URL readiness;

    @Test
    void servesAPartitionAssignedByTheController() throws Exception {
        awaitReady();
        String topic = "service-test-" + UUID.randomUUID();
        ClusterMetadata metadata = new ClusterMetadata(System.currentTimeMillis(), "cluster",
                List.of(new StoreInfo(BROKER, null, "127.0.0.1:1")),
                List.of(new TopicInfo(topic, UUID.randomUUID(), Map.of(),
                        List.of(new PartitionInfo(0, BROKER, 3, List.of(BROKER), List.of(BROKER))))));
        vertx.eventBus().consumer(Addresses.CONTROLLER_METADATA, message -> message.reply(metadata));
        vertx.eventBus().consumer(Addresses.CONTROLLER_STORE_HEARTBEAT,
                message -> message.reply(new HeartbeatAck(metadata.version())));
        vertx.eventBus().publish(Addresses.METADATA_UPDATES, metadata);

        PartitionProduceResult produced = produceUntilAccepted(topic);
        assertThat(produced.baseOffset()).isZero();

        FetchResponse fetched = request(Addresses.storeFetch(BROKER), new FetchRequest(0, 1, 1 << 20,
                List.of(new PartitionFetch(topic, 0, 0, 1 << 20, 3))));
        assertThat(fetched.partitions().get(0).error()).isEqualTo(ErrorCode.NONE);
        assertThat(fetched.partitions().get(0).highWatermark()).isEqualTo(2);
        assertThat(fetched.partitions().get(0).records().length()).isEqualTo(batch("a", "b").length);

        ListOffsetsResponse offsets = request(Addresses.storeListOffsets(BROKER), new ListOffsetsRequest(
                List.of(new PartitionTimestamp(topic, 0, PartitionTimestamp.LATEST))));
        assertThat(offsets.partitions().get(0).offset()).isEqualTo(2);
    }

    private PartitionProduceResult produceUntilAccepted(String topic) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        PartitionProduceResult result;
        do {
            ProduceResponse response = request(Addresses.storeProduce(BROKER), new ProduceRequest((short) -1, 5000,
                    List.of(new PartitionRecords(topic, 0, 3, Buffer.buffer(batch("a", "b"))))));
            result = response.partitions().get(0);
            if (result.error() != ErrorCode.UNKNOWN_TOPIC_OR_PARTITION) {
                break;
            }
            Thread.sleep(100); // the metadata is applied on a worker after the publish
        } while (System.nanoTime() < deadline);
        assertThat(result.error()).isEqualTo(ErrorCode.NONE);
        return result;
    }

    private void awaitReady() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int status;
        do {
            status = http.send(HttpRequest.newBuilder(URI.create(readiness.toString())).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 200) {
                return;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        assertThat(status).as("readiness").isEqualTo(200);
    }

    @SuppressWarnings("unchecked")
    private <T> T request(String address, Object body) throws Exception {
        return (T) vertx.eventBus().request(address, body, new DeliveryOptions().setSendTimeout(10_000))
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).body();
    }

    /** An uncompressed Kafka v2 batch of key-less values (CRC-32C over attributes..end). */
    private static byte[] batch(String... values) {
        ByteArrayOutputStream records = new ByteArrayOutputStream();
        for (int i = 0; i < values.length; i++) {
            byte[] value = values[i].getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write(0);
            varlong(body, 0);
            varlong(body, i);
            varlong(body, -1);
            varlong(body, value.length);
            body.writeBytes(value);
            varlong(body, 0);
            varlong(records, body.size());
            records.writeBytes(body.toByteArray());
        }
        ByteBuffer b = ByteBuffer.allocate(61 + records.size());
        b.putLong(0).putInt(b.capacity() - 12).putInt(-1).put((byte) 2).putInt(0).putShort((short) 0)
                .putInt(values.length - 1).putLong(1000).putLong(1000).putLong(-1).putShort((short) -1).putInt(-1)
                .putInt(values.length).put(records.toByteArray());
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 21, b.capacity() - 21);
        b.putInt(17, (int) crc.getValue());
        return b.array();
    }

    private static void varlong(ByteArrayOutputStream out, long value) {
        long v = (value << 1) ^ (value >> 63);
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
