package dev.runnel.gateway.core;

import java.util.Locale;

/**
 * What an event-bus address is for, as a bounded metric label: store addresses carry a broker id
 * ({@code runnel.store.3.fetch}) and must not become one label value per store.
 */
public enum BusAddressKind {
    PRODUCE, FETCH, LIST_OFFSETS, CONTROLLER, GROUPS, OTHER;

    /** The label value: lower case with dashes ({@code list-offsets}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static BusAddressKind of(String address) {
        if (address.startsWith("runnel.controller.")) {
            return CONTROLLER;
        }
        if (address.startsWith("runnel.groups.")) {
            return GROUPS;
        }
        if (address.startsWith("runnel.store.")) {
            if (address.endsWith(".produce")) {
                return PRODUCE;
            }
            if (address.endsWith(".list-offsets")) {
                return LIST_OFFSETS;
            }
            if (address.endsWith(".fetch")) {
                return FETCH;
            }
        }
        return OTHER;
    }
}
