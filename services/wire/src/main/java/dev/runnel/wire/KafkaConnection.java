package dev.runnel.wire;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import org.apache.kafka.common.protocol.ApiMessage;
import org.jboss.logging.Logger;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * One client connection: frames in, responses out in request order.
 *
 * <p>Requests are dispatched as soon as they are read (pipelining) and may complete in any order; each
 * answered request takes a slot in a FIFO queue, and the queue is written from its head only when the
 * head's response is ready. acks=0 produce takes no slot. When {@code maxInFlightPerConnection} requests
 * are unanswered, or the socket's write queue is full, the socket is paused (frames already buffered stay
 * in the decoder) and resumed when that clears.
 *
 * <p>All state is confined to the connection's event loop: backend futures may complete elsewhere, so
 * completions hop back with {@link Context#runOnContext}. A bad size prefix or an unparseable request
 * closes this connection only, with one log line naming the remote address.
 */
final class KafkaConnection {
    private static final Logger LOG = Logger.getLogger(KafkaConnection.class);

    /** A response to be written in request order; {@code frame} is null until it is ready. */
    private static final class Slot {
        Buffer frame;
    }

    private final NetSocket socket;
    private final Context context;
    private final RequestDispatcher dispatcher;
    private final FrameDecoder decoder;
    private final int maxInFlight;
    private final String remote;
    private final WireObserver observer;
    private final ArrayDeque<Slot> slots = new ArrayDeque<>();
    private int silentInFlight;
    private boolean paused;
    private boolean closed;

    KafkaConnection(NetSocket socket, Context context, RequestDispatcher dispatcher, WireSettings settings,
                    WireObserver observer) {
        this.socket = socket;
        this.observer = observer;
        this.context = context;
        this.dispatcher = dispatcher;
        this.decoder = new FrameDecoder(settings.maxFrameBytes());
        this.maxInFlight = settings.maxInFlightPerConnection();
        this.remote = String.valueOf(socket.remoteAddress());
    }

    void start() {
        socket.handler(this::onData);
        socket.drainHandler(v -> readFrames());
        socket.closeHandler(v -> {
            closed = true;
            observer.connectionClosed();
        });
        observer.connectionOpened();
        socket.exceptionHandler(e -> {
            LOG.debugf("Kafka connection from %s failed: %s", remote, e);
            close();
        });
    }

    private void onData(Buffer chunk) {
        if (closed) {
            return;
        }
        decoder.append(chunk);
        readFrames();
    }

    private void readFrames() {
        try {
            while (!closed && !mustPause()) {
                Optional<ByteBuffer> frame = decoder.next();
                if (frame.isEmpty()) {
                    break;
                }
                handle(frame.get());
            }
        } catch (InvalidFrameException e) {
            LOG.warnf("Closing Kafka connection from %s: %s", remote, e.getMessage());
            close();
            return;
        }
        updatePause();
    }

    private void handle(ByteBuffer frame) {
        RequestDispatcher.Outcome outcome = dispatcher.dispatch(frame, remote);
        if (outcome instanceof RequestDispatcher.Outcome.Close close) {
            LOG.warnf("Closing Kafka connection from %s: %s", remote, close.reason());
            close();
        } else if (outcome instanceof RequestDispatcher.Outcome.Silent silent) {
            silentInFlight++;
            silent.done().onComplete(ar -> onContext(() -> {
                silentInFlight--;
                readFrames();
            }));
        } else if (outcome instanceof RequestDispatcher.Outcome.Respond respond) {
            Slot slot = new Slot();
            slots.addLast(slot);
            respond.body().onComplete(ar -> onContext(() -> complete(slot, respond, ar)));
        }
    }

    private void complete(Slot slot, RequestDispatcher.Outcome.Respond respond, AsyncResult<ApiMessage> result) {
        if (closed) {
            return;
        }
        try {
            slot.frame = ResponseFrames.encode(respond.apiKey(), respond.version(), respond.correlationId(),
                    result.result());
        } catch (RuntimeException e) {
            // a response we cannot encode is a bug; the client cannot be answered out of order, so close
            LOG.errorf(e, "Closing Kafka connection from %s: cannot encode %s v%d response", remote,
                    respond.apiKey(), respond.version());
            close();
            return;
        }
        while (!slots.isEmpty() && slots.peekFirst().frame != null) {
            socket.write(slots.pollFirst().frame);
        }
        readFrames();
    }

    private boolean mustPause() {
        return slots.size() + silentInFlight >= maxInFlight || socket.writeQueueFull();
    }

    private void updatePause() {
        if (closed) {
            return;
        }
        boolean pause = mustPause();
        if (pause && !paused) {
            socket.pause();
        } else if (!pause && paused) {
            socket.resume();
        }
        paused = pause;
    }

    private void onContext(Runnable action) {
        if (Context.isOnEventLoopThread() && Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(v -> action.run());
        }
    }

    private void close() {
        if (!closed) {
            closed = true;
            slots.clear();
            socket.close();
        }
    }
}
