package dev.runnel.bus.codec;

import io.vertx.core.eventbus.MessageCodec;

/** A codec together with the message class it is the default codec for. */
record CodecRegistration<T>(Class<T> type, MessageCodec<T, T> codec) {
}
