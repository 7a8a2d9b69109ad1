package dev.runnel.controller;

import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code GET /metadata}: the cluster metadata this replica-manager last published, as JSON — live stores,
 * topics, and per partition its leader, leader epoch, replicas, ISR and partition epoch. For operators and
 * fault tests: Kafka's Metadata response names the gateway as every partition's leader, so this is where
 * the real placement is seen. 503 until the controller has started.
 */
@ApplicationScoped
public class MetadataEndpoint {
    private final ControllerLifecycle lifecycle;

    MetadataEndpoint(ControllerLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    void routes(@Observes Router router) {
        router.get("/metadata").handler(ctx -> lifecycle.metadata().ifPresentOrElse(
                metadata -> ctx.response().putHeader("content-type", "application/json").end(Json.encode(metadata)),
                () -> ctx.response().setStatusCode(503).putHeader("content-type", "application/json")
                        .end("{\"error\":\"the replica-manager has not started yet\"}")));
    }
}
