-- Articles as accepted, and the outbox the relay drains to Kafka (written in the same transaction).
create table article (
    id            uuid primary key,
    version       integer      not null,
    source        varchar(200) not null,
    headline      text         not null,
    body          text         not null,
    language      varchar(35),
    published_at  timestamptz  not null,
    received_at   timestamptz  not null,
    status        varchar(16)  not null
);

create table outbox_message (
    id            bigint generated always as identity primary key,
    article_id    uuid         not null references article (id),
    topic         varchar(249) not null,
    message_key   varchar(255) not null,
    payload       text         not null,
    created_at    timestamptz  not null,
    sent_at       timestamptz
);

-- The relay only ever looks for unsent rows; keep that lookup small however long the history grows.
create index outbox_message_unsent on outbox_message (id) where sent_at is null;
