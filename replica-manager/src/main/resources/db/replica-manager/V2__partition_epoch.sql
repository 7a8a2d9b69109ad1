-- Replication: every change of a partition's leader or ISR bumps its partition epoch, so an ISR change a
-- leader decided on an older state can be refused.
ALTER TABLE partitions ADD COLUMN partition_epoch integer NOT NULL DEFAULT 0 CHECK (partition_epoch >= 0);
