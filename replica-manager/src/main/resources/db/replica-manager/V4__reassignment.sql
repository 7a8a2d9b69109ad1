-- A partition reassignment in progress (Kafka's KIP-455): the replicas being added and removed. Both are
-- empty when none runs; while one does, partitions.replicas holds the target followed by the removing ones.
ALTER TABLE partitions ADD COLUMN adding_replicas integer[] NOT NULL DEFAULT '{}';
ALTER TABLE partitions ADD COLUMN removing_replicas integer[] NOT NULL DEFAULT '{}';
