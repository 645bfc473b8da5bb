-- The event store and the deadline schedule (PostgresEventStore).

-- One row per stream: its last sequence number. An append claims its position here by compare-and-set, so that of
-- two writers continuing the same stream at once exactly one succeeds and the other changes nothing.
CREATE TABLE negotiationgame_streams (
    stream_id     text COLLATE "C" PRIMARY KEY,
    last_sequence bigint NOT NULL CHECK (last_sequence > 0)
);

-- One row per log entry. The primary key is the database's own guarantee of one entry per position, whatever any
-- writer believes. Times are kept as .NET ticks (UTC) and the offset in minutes: timestamptz would round to
-- microseconds and drop the offset.
CREATE TABLE negotiationgame_events (
    stream_id      text COLLATE "C" NOT NULL,
    sequence       bigint   NOT NULL CHECK (sequence > 0),
    at_ticks       bigint   NOT NULL,
    offset_minutes smallint NOT NULL,
    command_id     uuid     NOT NULL,
    type           text     NOT NULL,
    data           text     NOT NULL,
    PRIMARY KEY (stream_id, sequence)
);

-- When each game's clock next runs out; a game without a pending deadline has no row.
CREATE TABLE negotiationgame_deadlines (
    game_id   text COLLATE "C" PRIMARY KEY,
    due_ticks bigint NOT NULL
);

CREATE INDEX negotiationgame_deadlines_due ON negotiationgame_deadlines (due_ticks);
