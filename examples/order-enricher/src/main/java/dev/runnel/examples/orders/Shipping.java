package dev.runnel.examples.orders;

public enum Shipping {
    STANDARD,
    /** The order's total reaches the free-shipping threshold. */
    FREE
}
