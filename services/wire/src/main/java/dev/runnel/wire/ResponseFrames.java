package dev.runnel.wire;

import io.vertx.core.buffer.Buffer;
import org.apache.kafka.common.message.ResponseHeaderData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.ObjectSerializationCache;

import java.nio.BufferOverflowException;

/**
 * Encodes one Kafka response frame: {@code int32 size}, the response header in the version
 * {@link ApiKeys#responseHeaderVersion(short)} picks (v1 carries tagged fields for flexible versions;
 * ApiVersions always uses v0), then the body in the request's version.
 *
 * <p>Record batches (a fetch response's, up to many MiB) are not copied: the frame is a composite of a heap
 * buffer holding every other field and the batches' own memory ({@link SegmentedFrameWriter}), so those
 * bytes must stay unchanged until the frame is written to the socket; they are heap buffers nobody
 * reuses (see {@code RecordBuffers}).
 *
 * <p>"Size, then write": sizes are computed first with one {@link ObjectSerializationCache}, the heap part
 * is allocated at exactly the size of the fields that are not shared, and the write must fill it and the
 * frame exactly, else {@link IllegalStateException} (a bug in a message class or in our use of it, never
 * silently a corrupt stream). Nothing needs releasing. Stateless and thread-safe.
 */
public final class ResponseFrames {
    private ResponseFrames() {
    }

    public static Buffer encode(ApiKeys apiKey, short apiVersion, int correlationId, ApiMessage body) {
        short headerVersion = apiKey.responseHeaderVersion(apiVersion);
        ResponseHeaderData header = new ResponseHeaderData().setCorrelationId(correlationId);
        ObjectSerializationCache cache = new ObjectSerializationCache();
        SegmentedFrameWriter.Sizes sizes = new SegmentedFrameWriter.Sizes();
        header.addSize(sizes, cache, headerVersion);
        body.addSize(sizes, cache, apiVersion);
        int frameSize = sizes.totalSize();
        SegmentedFrameWriter writer = new SegmentedFrameWriter(4 + sizes.sizeExcludingZeroCopy());
        try {
            writer.writeInt(frameSize);
            header.write(writer, cache, headerVersion);
            body.write(writer, cache, apiVersion);
            return Buffer.buffer(writer.finish(4 + frameSize));
        } catch (BufferOverflowException | IllegalStateException e) {
            throw new IllegalStateException(apiKey + " v" + apiVersion + " response does not match its computed size "
                    + frameSize + ": " + e, e);
        }
    }
}
