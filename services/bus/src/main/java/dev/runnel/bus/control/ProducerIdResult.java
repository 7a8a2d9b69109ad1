package dev.runnel.bus.control;

import dev.runnel.bus.ErrorCode;

public record ProducerIdResult(ErrorCode error, long producerId, short producerEpoch) {
}
