/**
 * Runnel's Kafka listener: the only package family in Runnel that imports kafka-clients' protocol and
 * record classes ({@code org.apache.kafka.common.message/protocol/requests/record}). They are not a
 * stable API, so the version is pinned in the parent pom and nothing outside {@code services/wire} sees
 * them: the rest of Runnel talks to this layer through {@link dev.runnel.wire.KafkaBackend} in bus types.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Framing.</b> {@code int32 size} + request; a size below 0 or above
 *       {@link dev.runnel.wire.WireSettings#maxFrameBytes()} closes that connection with one log line
 *       (remote address and size). Nothing a client sends can stop the server or other connections.</li>
 *   <li><b>Ordering.</b> Per connection, requests are read and dispatched in order (so the backend sees
 *       produces to a partition in the order the client sent them) and may complete in any order;
 *       responses are written strictly in request order (Kafka clients match them by position).
 *       acks=0 produce gets no response and takes no place in that order.</li>
 *   <li><b>Threads.</b> Each connection lives on one Vert.x event loop. Handlers
 *       ({@link dev.runnel.wire.api.ApiHandler}) run there and must not block; backend futures may
 *       complete on any context, and the connection hops back to its event loop before touching its
 *       state.</li>
 *   <li><b>Timeouts.</b> The backend owns the request's own waits (produce {@code timeoutMs}, fetch
 *       {@code maxWaitMs}). If it has not answered {@link dev.runnel.wire.WireSettings#requestTimeout()}
 *       after them, the client gets the API's error response with REQUEST_TIMED_OUT and the late answer
 *       is dropped. A failed backend future becomes UNKNOWN_SERVER_ERROR (or the Kafka error of an
 *       {@code ApiException}); the connection stays open.</li>
 *   <li><b>Backpressure.</b> With {@link dev.runnel.wire.WireSettings#maxInFlightPerConnection()}
 *       requests unanswered, or the socket's write queue full, the connection stops reading (TCP then
 *       pushes back on the client) and resumes when that clears.</li>
 *   <li><b>Errors.</b> Unknown API key or a version kafka-clients cannot parse: close with a log line.
 *       ApiVersions too new: UNSUPPORTED_VERSION with our list in v0. An API we do not serve (or serve in
 *       other versions): that API's own error response with UNSUPPORTED_VERSION. Never silence.</li>
 *   <li><b>Memory.</b> Each request frame is copied once into a heap buffer; produce batches reach the
 *       backend as Vert.x buffers over that memory (no copy, no re-encoding); fetched batches are copied
 *       once into the response frame. Nothing needs releasing.</li>
 * </ul>
 */
package dev.runnel.wire;
