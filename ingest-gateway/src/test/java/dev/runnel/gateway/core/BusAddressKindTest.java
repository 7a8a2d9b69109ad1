package dev.runnel.gateway.core;

import dev.runnel.bus.Addresses;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BusAddressKindTest {

    @Test
    void storeAddressesMapToOneKindWhateverTheBroker() {
        assertThat(BusAddressKind.of(Addresses.storeProduce(1))).isEqualTo(BusAddressKind.PRODUCE);
        assertThat(BusAddressKind.of(Addresses.storeProduce(42))).isEqualTo(BusAddressKind.PRODUCE);
        assertThat(BusAddressKind.of(Addresses.storeFetch(3))).isEqualTo(BusAddressKind.FETCH);
        assertThat(BusAddressKind.of(Addresses.storeListOffsets(3))).isEqualTo(BusAddressKind.LIST_OFFSETS);
    }

    @Test
    void controllerAndGroupAddresses() {
        assertThat(BusAddressKind.of(Addresses.CONTROLLER_METADATA)).isEqualTo(BusAddressKind.CONTROLLER);
        assertThat(BusAddressKind.of(Addresses.GROUPS_OFFSET_COMMIT)).isEqualTo(BusAddressKind.GROUPS);
        assertThat(BusAddressKind.of("somewhere.else")).isEqualTo(BusAddressKind.OTHER);
    }

    @Test
    void labelsAreLowerCaseWithDashes() {
        assertThat(BusAddressKind.LIST_OFFSETS.label()).isEqualTo("list-offsets");
    }
}
