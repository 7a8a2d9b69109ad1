package dev.runnel.it;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consumer groups end to end with unmodified KafkaConsumers: three members share a 6-partition topic, one
 * leaves and the others take over its partitions, the offset-service is SIGKILLed mid-run and restarted,
 * and in the end every produced record was consumed, no committed offset went backwards, and the
 * AdminClient (and {@code GET /groups/{g}}) report the group and its lag.
 */
class ConsumerGroupsIT {
    private static final String TOPIC = "group-orders";
    private static final String GROUP = "order-processors";
    private static final int PARTITIONS = 6;
    private static final int SESSION_TIMEOUT_MS = 10_000;

    private static LocalCluster cluster;
    private static Admin admin;

    @BeforeAll
    static void start() throws Exception {
        cluster = LocalCluster.start("groups", 1);
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrap());
        admin = Admin.create(props);
        admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    /** A group member on its own thread: poll, record what it saw, commit synchronously after processing. */
    static final class Member implements AutoCloseable {
        final String name;
        final KafkaConsumer<String, String> consumer;
        final Set<TopicPartition> owned = ConcurrentHashMap.newKeySet();
        final Map<TopicPartition, Set<Long>> consumed;
        final Thread thread;
        volatile boolean running = true;

        Member(String name, String bootstrap, Map<TopicPartition, Set<Long>> consumed) {
            this.name = name;
            this.consumed = consumed;
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
            props.put(ConsumerConfig.CLIENT_ID_CONFIG, name);
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, String.valueOf(SESSION_TIMEOUT_MS));
            props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "1000");
            props.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, "60000");
            consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
            thread = new Thread(this::run, name);
        }

        Member start() {
            consumer.subscribe(List.of(TOPIC), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    owned.removeAll(partitions);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    owned.addAll(partitions);
                }

                @Override
                public void onPartitionsLost(Collection<TopicPartition> partitions) {
                    owned.removeAll(partitions);
                }
            });
            thread.start();
            return this;
        }

        private void run() {
            while (running) {
                try {
                    var records = consumer.poll(Duration.ofMillis(200));
                    for (ConsumerRecord<String, String> r : records) {
                        consumed.computeIfAbsent(new TopicPartition(r.topic(), r.partition()), tp -> ConcurrentHashMap.newKeySet())
                                .add(r.offset());
                    }
                    if (!records.isEmpty()) {
                        consumer.commitSync(Duration.ofSeconds(5));
                    }
                } catch (CommitFailedException | org.apache.kafka.common.errors.TimeoutException
                         | org.apache.kafka.common.errors.RebalanceInProgressException retriable) {
                    // the group moved on (or the coordinator is restarting): uncommitted records come again
                } catch (WakeupException stopping) {
                    break;
                } catch (KafkaException e) {
                    System.out.println(name + ": " + e);
                }
            }
            consumer.close(Duration.ofSeconds(10));
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            consumer.wakeup();
            thread.join(30_000);
        }
    }

    @Test
    void membersSharePartitionsTakeOverFromALeaverAndSurviveAnOffsetServiceCrash() throws Exception {
        Map<TopicPartition, Set<Long>> consumed = new ConcurrentHashMap<>();
        Map<TopicPartition, Long> produced = new HashMap<>(); // partition -> highest offset acknowledged
        try (KafkaProducer<String, String> producer = producer()) {
            List<Member> members = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                members.add(new Member("member-" + i, cluster.bootstrap(), consumed).start());
            }
            try {
                produce(producer, 0, 600, produced);
                awaitTrue("three members own every partition exactly once", Duration.ofSeconds(60),
                        () -> ownedExactlyOnce(members, 3));
                assertThat(members).allSatisfy(m -> assertThat(m.owned).isNotEmpty());
                ConsumerGroupDescription three = describe();
                assertThat(three.groupState()).isEqualTo(GroupState.STABLE);
                assertThat(three.members()).hasSize(3);
                assertThat(assignedPartitions(three)).hasSize(PARTITIONS).doesNotHaveDuplicates();

                // one member leaves: the other two take its partitions within the session timeout
                Member leaver = members.remove(2);
                Set<TopicPartition> handedOver = Set.copyOf(leaver.owned);
                leaver.close();
                awaitTrue("two members own every partition", Duration.ofMillis(SESSION_TIMEOUT_MS),
                        () -> ownedExactlyOnce(members, 2));
                assertThat(members.get(0).owned.size() + members.get(1).owned.size()).isEqualTo(PARTITIONS);
                assertThat(handedOver).isNotEmpty();
                produce(producer, 600, 1200, produced);
                awaitTrue("everything so far consumed", Duration.ofSeconds(60), () -> allConsumed(produced, consumed));
                awaitTrue("offsets committed", Duration.ofSeconds(30), () -> committedReach(produced));
                Map<TopicPartition, Long> beforeCrash = committed();

                // SIGKILL the offset-service mid-run; producing and consuming go on; restart it
                cluster.kill("offset-service");
                produce(producer, 1200, 1500, produced);
                cluster.up();
                Map<TopicPartition, Long> afterRestart = committed();
                beforeCrash.forEach((tp, offset) -> assertThat(afterRestart.get(tp))
                        .as("committed offset of %s survives the crash", tp).isGreaterThanOrEqualTo(offset));
                produce(producer, 1500, 2000, produced);
                awaitTrue("consumers carry on after the restart: everything consumed", Duration.ofSeconds(90),
                        () -> allConsumed(produced, consumed));
                awaitTrue("and committed", Duration.ofSeconds(60), () -> committedReach(produced));
                awaitTrue("the group is stable with two members again", Duration.ofSeconds(30), () -> {
                    ConsumerGroupDescription d = describe();
                    return d.groupState() == GroupState.STABLE && d.members().size() == 2
                            && assignedPartitions(d).size() == PARTITIONS;
                });
            } finally {
                for (Member m : members) {
                    m.close();
                }
            }
            produced.forEach((tp, last) -> assertThat(consumed.get(tp))
                    .as("every offset of %s consumed", tp)
                    .containsAll(LongRangeSet.upTo(last)));

            // lag: with the group stopped, 7 more records on partition 0
            for (int i = 0; i < 7; i++) {
                producer.send(new ProducerRecord<>(TOPIC, 0, "late", "late-" + i)).get();
            }
        }
        Map<TopicPartition, Long> committed = committed();
        Map<TopicPartition, Long> ends = endOffsets();
        Map<TopicPartition, Long> lag = new HashMap<>();
        ends.forEach((tp, end) -> lag.put(tp, end - committed.getOrDefault(tp, 0L)));
        assertThat(lag.get(new TopicPartition(TOPIC, 0))).isEqualTo(7);
        assertThat(lag).allSatisfy((tp, l) -> assertThat(l).isEqualTo(tp.partition() == 0 ? 7 : 0));
        assertThat(describe().groupState()).isEqualTo(GroupState.EMPTY);

        HttpResponse<String> http = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(cluster.httpBase() + "/groups/" + GROUP)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(http.statusCode()).isEqualTo(200);
        assertThat(http.body()).contains("\"state\":\"Empty\"").contains("\"totalLag\":7");
        HttpResponse<String> missing = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(cluster.httpBase() + "/groups/no-such-group")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(missing.body()).contains("GROUP_ID_NOT_FOUND");
    }

    /** Offsets 0..last as a collection, for containsAll. */
    static final class LongRangeSet {
        static List<Long> upTo(long last) {
            return java.util.stream.LongStream.rangeClosed(0, last).boxed().toList();
        }
    }

    private static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrap());
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static void produce(KafkaProducer<String, String> producer, int from, int to, Map<TopicPartition, Long> produced)
            throws Exception {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (int i = from; i < to; i++) {
            sent.add(producer.send(new ProducerRecord<>(TOPIC, "key-" + i, "value-" + i)));
        }
        for (Future<RecordMetadata> f : sent) {
            RecordMetadata m = f.get(60, TimeUnit.SECONDS);
            produced.merge(new TopicPartition(m.topic(), m.partition()), m.offset(), Math::max);
        }
    }

    private static boolean ownedExactlyOnce(List<Member> members, int expectedMembers) {
        List<TopicPartition> all = members.stream().flatMap(m -> m.owned.stream()).toList();
        return members.size() == expectedMembers && all.size() == PARTITIONS && new HashSet<>(all).size() == PARTITIONS;
    }

    private static boolean allConsumed(Map<TopicPartition, Long> produced, Map<TopicPartition, Set<Long>> consumed) {
        return produced.entrySet().stream().allMatch(e -> consumed.getOrDefault(e.getKey(), Set.of()).size() > 0
                && consumed.get(e.getKey()).containsAll(LongRangeSet.upTo(e.getValue())));
    }

    private static boolean committedReach(Map<TopicPartition, Long> produced) {
        Map<TopicPartition, Long> committed = committed();
        return produced.entrySet().stream().allMatch(e -> committed.getOrDefault(e.getKey(), -1L) == e.getValue() + 1);
    }

    private static Map<TopicPartition, Long> committed() {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            return offsets.entrySet().stream().filter(e -> e.getValue() != null)
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (Exception e) {
            throw new IllegalStateException("listConsumerGroupOffsets failed", e);
        }
    }

    private static Map<TopicPartition, Long> endOffsets() throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        IntStream.range(0, PARTITIONS).forEach(p -> latest.put(new TopicPartition(TOPIC, p), OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static ConsumerGroupDescription describe() {
        try {
            return admin.describeConsumerGroups(List.of(GROUP)).describedGroups().get(GROUP).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("describeConsumerGroups failed", e);
        }
    }

    private static List<TopicPartition> assignedPartitions(ConsumerGroupDescription description) {
        return description.members().stream().map(MemberDescription::assignment)
                .flatMap(a -> a.topicPartitions().stream()).toList();
    }

    private static void awaitTrue(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not true within " + timeout + ": " + what);
            }
            Thread.sleep(100);
        }
    }
}
