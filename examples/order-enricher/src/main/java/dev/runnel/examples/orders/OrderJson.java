package dev.runnel.examples.orders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The JSON form of orders on the topics. Strict: a missing or mistyped field is an invalid order, not a zero. */
public final class OrderJson {
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public Order readOrder(String json) {
        if (json == null) {
            throw new InvalidOrderException("order record without a value");
        }
        try {
            return mapper.readValue(json, Order.class);
        } catch (JsonProcessingException e) {
            throw new InvalidOrderException("not an order: " + json, e);
        }
    }

    public String write(EnrichedOrder order) {
        try {
            return mapper.writeValueAsString(order);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + order, e);
        }
    }

    public EnrichedOrder readEnrichedOrder(String json) {
        try {
            return mapper.readValue(json, EnrichedOrder.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an enriched order: " + json, e);
        }
    }

    public String write(Order order) {
        try {
            return mapper.writeValueAsString(order);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + order, e);
        }
    }
}
