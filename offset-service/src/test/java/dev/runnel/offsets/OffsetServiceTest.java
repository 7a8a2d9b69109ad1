package dev.runnel.offsets;

import dev.runnel.bus.Addresses;
import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.group.GroupErrorResult;
import dev.runnel.bus.group.HeartbeatRequest;
import dev.runnel.bus.group.OffsetCommitRequest;
import dev.runnel.bus.group.OffsetCommitResult;
import dev.runnel.bus.group.OffsetFetchRequest;
import dev.runnel.bus.group.OffsetFetchResult;
import dev.runnel.bus.group.OffsetToCommit;
import dev.runnel.bus.group.PartitionError;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The service as deployed: schema migrated at start, bus consumers answering, readiness following PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPgResource.class)
class OffsetServiceTest {
    @Inject
    Vertx vertx;
    @Inject
    OffsetServiceLifecycle lifecycle;

    private <T> T request(String address, Object body) throws Exception {
        return vertx.eventBus().<T>request(address, body).map(Message::body)
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void commitsAreDurableAndFetchedBackOverTheBus() throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!(lifecycle.isStarted() && lifecycle.databaseReachable()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(lifecycle.isStarted()).isTrue();
        assertThat(lifecycle.databaseReachable()).isTrue();

        OffsetCommitResult committed = request(Addresses.GROUPS_OFFSET_COMMIT, new OffsetCommitRequest("manual", -1, "", null,
                List.of(new OffsetToCommit("orders", 0, 17, 2, "note"))));
        assertThat(committed.partitions()).extracting(PartitionError::error).containsExactly(ErrorCode.NONE);
        OffsetFetchResult fetched = request(Addresses.GROUPS_OFFSET_FETCH, new OffsetFetchRequest("manual", null));
        assertThat(fetched.offsets()).singleElement().satisfies(o -> {
            assertThat(o.offset()).isEqualTo(17);
            assertThat(o.leaderEpoch()).isEqualTo(2);
            assertThat(o.metadata()).isEqualTo("note");
        });
        GroupErrorResult heartbeat = request(Addresses.GROUPS_HEARTBEAT, new HeartbeatRequest("manual", 1, "ghost", null));
        assertThat(heartbeat.error()).isEqualTo(ErrorCode.UNKNOWN_MEMBER_ID);
    }
}
