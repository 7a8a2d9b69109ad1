package dev.runnel.it;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The gateway's promises to clients beyond the happy path, on a real cluster: bad input gets the Kafka
 * error a client expects and loses nothing; the HTTP API and Kafka clients see the same log.
 */
class GatewayContractIT {
    private static LocalCluster cluster;
    private static Admin admin;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        cluster = LocalCluster.start("contract", 1);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrap()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (admin != null) {
            admin.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrap());
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(4 * 1024 * 1024));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    @Test
    void invalidTopicNamesAreRefused() {
        assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic("no spaces allowed", 1, (short) 1))).all().get())
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(InvalidTopicException.class);
    }

    @Test
    void recordsOverMaxMessageBytesAreRefusedAndNothingElseIsLost() throws Exception {
        admin.createTopics(List.of(new NewTopic("small-records", 1, (short) 1)
                .configs(Map.of("max.message.bytes", "2048")))).all().get();
        try (KafkaProducer<String, String> producer = producer()) {
            RecordMetadata ok = producer.send(new ProducerRecord<>("small-records", "k", "fits")).get();
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("small-records", "k", "x".repeat(100_000))).get())
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(RecordTooLargeException.class);
            RecordMetadata after = producer.send(new ProducerRecord<>("small-records", "k", "fits too")).get();
            assertThat(after.offset()).isEqualTo(ok.offset() + 1);
        }
    }

    @Test
    void aMalformedFrameClosesThatConnectionOnly() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", LocalCluster.KAFKA_PORT)) {
            OutputStream out = socket.getOutputStream();
            out.write(new byte[]{(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xf0, 1, 2, 3, 4});
            out.flush();
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            assertThat(in.read()).as("the gateway closes the connection").isEqualTo(-1);
        }
        admin.createTopics(List.of(new NewTopic("after-garbage", 1, (short) 1))).all().get();
        try (KafkaProducer<String, String> producer = producer()) {
            assertThat(producer.send(new ProducerRecord<>("after-garbage", "k", "v")).get().offset()).isZero();
        }
    }

    @Test
    void httpProducedRecordsLandWhereTheKafkaProducerPutsTheSameKey() throws Exception {
        admin.createTopics(List.of(new NewTopic("http-orders", 6, (short) 1))).all().get();
        int kafkaPartition;
        try (KafkaProducer<String, String> producer = producer()) {
            kafkaPartition = producer.send(new ProducerRecord<>("http-orders", "customer-7", "from kafka")).get().partition();
        }
        HttpResponse<String> produced = post("/topics/http-orders/records",
                "{\"records\":[{\"key\":\"customer-7\",\"value\":\"from http\",\"headers\":{\"source\":\"curl\"}}]}");
        assertThat(produced.statusCode()).isEqualTo(200);
        assertThat(produced.body()).isEqualTo("{\"offsets\":[{\"partition\":" + kafkaPartition + ",\"offset\":1}]}");

        HttpResponse<String> read = get("/topics/http-orders/partitions/" + kafkaPartition + "/records?offset=0");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"offset\":0", "\"value\":\"from kafka\"", "\"offset\":1", "\"value\":\"from http\"",
                "\"headers\":{\"source\":\"curl\"}", "\"highWatermark\":2");
    }

    @Test
    void httpErrorsAreProblemDocumentsWithTheKafkaError() throws Exception {
        HttpResponse<String> unknown = post("/topics/no-such-topic/records", "{\"records\":[{\"value\":\"v\"}]}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(unknown.body()).contains("\"kafkaError\":\"UNKNOWN_TOPIC_OR_PARTITION\"");

        admin.createTopics(List.of(new NewTopic("http-errors", 1, (short) 1))).all().get();
        assertThat(post("/topics/http-errors/records", "not json").statusCode()).isEqualTo(400);
        HttpResponse<String> beyondEnd = get("/topics/http-errors/partitions/0/records?offset=5");
        assertThat(beyondEnd.statusCode()).isEqualTo(416);
        assertThat(beyondEnd.body()).contains("OFFSET_OUT_OF_RANGE");
    }

    @Test
    void kcatProducesAndConsumesWithHeaders() throws Exception {
        ExternalTools.require("kcat");
        admin.createTopics(List.of(new NewTopic("kcat-topic", 2, (short) 1))).all().get();
        ExternalTools.Result produced = ExternalTools.run(Path.of("."), "k1:hello\nk2:world\n",
                List.of("kcat", "-b", cluster.bootstrap(), "-P", "-t", "kcat-topic", "-p", "1", "-K:", "-H", "src=kcat"));
        assertThat(produced.exitCode()).as(produced.stderr()).isZero();

        ExternalTools.Result consumed = ExternalTools.run(Path.of("."), "",
                List.of("kcat", "-b", cluster.bootstrap(), "-C", "-t", "kcat-topic", "-p", "1", "-o", "beginning", "-e",
                        "-f", "%o %k=%s %h\n"));
        assertThat(consumed.exitCode()).as(consumed.stderr()).isZero();
        assertThat(consumed.stdout()).isEqualTo("0 k1=hello src=kcat\n1 k2=world src=kcat\n");
    }

    @Test
    void kafkajsManagesTopicsAndProducesIdempotently() throws Exception {
        ExternalTools.require("node");
        ExternalTools.require("npm");
        Path project = ExternalTools.kafkajsProject();
        ExternalTools.Result result = ExternalTools.run(project, "",
                List.of("node", "kafkajs-check.js", cluster.bootstrap(), "kafkajs-topic"));
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout().trim()).isEqualTo("{\"created\":true,\"sent\":[[1,\"0\"]],\"high\":\"2\","
                + "\"partitions\":4,\"retention\":\"604800000\",\"remaining\":[]}");
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(cluster.httpBase() + path))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(cluster.httpBase() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
