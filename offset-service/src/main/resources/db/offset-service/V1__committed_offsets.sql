-- Committed consumer-group offsets, owned by the offset-service. A row is the next offset the group
-- will read from a partition; a commit upserts its rows in one transaction.
CREATE TABLE committed_offsets (
    group_id         text        NOT NULL,
    topic            text        NOT NULL,
    partition        integer     NOT NULL CHECK (partition >= 0),
    committed_offset bigint      NOT NULL,
    -- -1 when the client did not send one
    leader_epoch     integer     NOT NULL DEFAULT -1,
    metadata         text        NOT NULL DEFAULT '',
    commit_time      timestamptz NOT NULL,
    PRIMARY KEY (group_id, topic, partition)
);
