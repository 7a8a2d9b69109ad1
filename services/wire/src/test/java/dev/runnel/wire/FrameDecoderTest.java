package dev.runnel.wire;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FrameDecoderTest {

    @Test
    void reassemblesFramesSplitAndJoinedAcrossChunks() {
        Buffer stream = Buffer.buffer().appendInt(5).appendString("hello").appendInt(0).appendInt(3).appendString("abc");
        FrameDecoder decoder = new FrameDecoder(100);
        StringBuilder seen = new StringBuilder();
        for (int i = 0; i < stream.length(); i++) {
            decoder.append(stream.getBuffer(i, i + 1)); // one byte at a time
            decoder.next().ifPresent(f -> seen.append('[').append(text(f)).append(']'));
        }
        assertThat(seen.toString()).isEqualTo("[hello][][abc]");
        assertThat(decoder.bufferedBytes()).isZero();
    }

    @Test
    void refusesNegativeAndOversizedPrefixesBeforeTheBodyArrives() {
        FrameDecoder negative = new FrameDecoder(100);
        negative.append(Buffer.buffer().appendInt(-1));
        assertThatThrownBy(negative::next).isInstanceOf(InvalidFrameException.class).hasMessageContaining("-1");

        FrameDecoder oversized = new FrameDecoder(100);
        oversized.append(Buffer.buffer().appendInt(101));
        assertThatThrownBy(oversized::next).isInstanceOf(InvalidFrameException.class).hasMessageContaining("101");
    }

    private static String text(ByteBuffer frame) {
        byte[] bytes = new byte[frame.remaining()];
        frame.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
