package dev.runnel.examples.orders;

/** An order as the shop publishes it on the {@code orders} topic, keyed by customer id. */
public record Order(String orderId, String sku, int quantity, long unitPriceCents) {
}
