-- Cluster metadata owned by the replica-manager. Partition rows keep the replication model (replicas,
-- ISR, leader epochs) even while every topic has replication factor 1.

-- exactly one row: the cluster's permanent id and the epoch of the latest controller to take office
CREATE TABLE cluster (
    single_row       boolean PRIMARY KEY DEFAULT true CHECK (single_row),
    id               text    NOT NULL,
    controller_epoch bigint  NOT NULL DEFAULT 0
);

CREATE TABLE topics (
    name       text        PRIMARY KEY,
    topic_id   uuid        NOT NULL UNIQUE,
    -- only the configs set on the topic (Kafka names); defaults are not stored
    configs    jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE partitions (
    topic        text    NOT NULL REFERENCES topics (name) ON DELETE CASCADE,
    partition    integer NOT NULL CHECK (partition >= 0),
    -- broker id of the leading store; -1 when no replica can lead
    leader       integer NOT NULL,
    leader_epoch integer NOT NULL CHECK (leader_epoch >= 0),
    -- preferred leader first
    replicas     integer[] NOT NULL CHECK (cardinality(replicas) >= 1),
    isr          integer[] NOT NULL,
    PRIMARY KEY (topic, partition)
);

CREATE SEQUENCE producer_ids AS bigint START WITH 1 MINVALUE 0;
