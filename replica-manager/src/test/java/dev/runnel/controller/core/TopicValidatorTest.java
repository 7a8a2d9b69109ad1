package dev.runnel.controller.core;

import dev.runnel.bus.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicValidatorTest {
    private final TopicValidator validator = new TopicValidator(3, (short) 1, 100);

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "has space", "slash/name", "ümlaut", "star*"})
    void illegalNamesAreInvalidTopics(String name) {
        assertRejected(() -> validator.checkName(name), ErrorCode.INVALID_TOPIC_EXCEPTION);
    }

    @Test
    void namesUpTo249LegalCharactersAreAccepted() {
        assertThatCode(() -> validator.checkName("Orders.v2_eu-west-1")).doesNotThrowAnyException();
        assertThatCode(() -> validator.checkName("a".repeat(249))).doesNotThrowAnyException();
        assertThatCode(() -> validator.checkName("...")).doesNotThrowAnyException();
        assertRejected(() -> validator.checkName("a".repeat(250)), ErrorCode.INVALID_TOPIC_EXCEPTION);
    }

    @Test
    void dotAndUnderscoreCollide() {
        assertRejected(() -> validator.checkNoCollision("a.b", List.of("a_b")), ErrorCode.INVALID_TOPIC_EXCEPTION);
        assertThatCode(() -> validator.checkNoCollision("a.b", List.of("a.c", "a.b"))).doesNotThrowAnyException();
    }

    @Test
    void partitionsDefaultForMinusOneAndMustBePositive() {
        assertThat(validator.partitions("t", -1)).isEqualTo(3);
        assertThat(validator.partitions("t", 7)).isEqualTo(7);
        assertRejected(() -> validator.partitions("t", 0), ErrorCode.INVALID_PARTITIONS);
        assertRejected(() -> validator.partitions("t", -2), ErrorCode.INVALID_PARTITIONS);
        assertRejected(() -> validator.partitions("t", 101), ErrorCode.INVALID_PARTITIONS);
    }

    @Test
    void replicationFactorDefaultsAndIsBoundedByLiveStores() {
        assertThat(validator.replicationFactor("t", -1, 1)).isEqualTo(1);
        assertThat(validator.replicationFactor("t", 2, 3)).isEqualTo(2);
        assertRejected(() -> validator.replicationFactor("t", 0, 3), ErrorCode.INVALID_REPLICATION_FACTOR);
        assertRejected(() -> validator.replicationFactor("t", 3, 2), ErrorCode.INVALID_REPLICATION_FACTOR);
        assertRejected(() -> validator.replicationFactor("t", -1, 0), ErrorCode.INVALID_REPLICATION_FACTOR);
    }

    @Test
    void configsAreCheckedByName() {
        assertThat(validator.configs("t", Map.of("retention.ms", "1000"))).containsEntry("retention.ms", "1000");
        assertRejected(() -> validator.configs("t", Map.of("retention.ms", "soon")), ErrorCode.INVALID_CONFIG);
        assertRejected(() -> validator.configs("t", Map.of("no.such.config", "1")), ErrorCode.INVALID_CONFIG);
    }

    static void assertRejected(Runnable check, ErrorCode expected) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(TopicRejectedException.class,
                e -> assertThat(e.error()).isEqualTo(expected));
    }
}
