package dev.runnel.controller.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One partition as the status shows it: its leading store and in-sync replicas (broker ids). */
public class PartitionStatus {
    private int partition;
    private int leader;
    private List<Integer> isr = new ArrayList<>();

    public PartitionStatus() {
    }

    public PartitionStatus(int partition, int leader, List<Integer> isr) {
        this.partition = partition;
        this.leader = leader;
        this.isr = new ArrayList<>(isr);
    }

    public int getPartition() {
        return partition;
    }

    public void setPartition(int partition) {
        this.partition = partition;
    }

    public int getLeader() {
        return leader;
    }

    public void setLeader(int leader) {
        this.leader = leader;
    }

    public List<Integer> getIsr() {
        return isr;
    }

    public void setIsr(List<Integer> isr) {
        this.isr = isr;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PartitionStatus that && partition == that.partition && leader == that.leader
                && Objects.equals(isr, that.isr);
    }

    @Override
    public int hashCode() {
        return Objects.hash(partition, leader, isr);
    }
}
