-- Feeds the poller reads on a schedule. Validators (ETag, Last-Modified) live here so conditional GETs keep
-- working across restarts, and next_poll_at doubles as the claim a poller holds while it fetches.
create table feed (
    id                   uuid          primary key,
    url                  varchar(2000) not null,
    source               varchar(200)  not null,
    format               varchar(16)   not null,
    poll_interval_ms     bigint        not null,
    created_at           timestamptz   not null,
    etag                 varchar(1000),
    last_modified        varchar(100),
    last_polled_at       timestamptz,
    last_status          integer,
    items_seen           bigint        not null default 0,
    new_items            bigint        not null default 0,
    items_skipped        bigint        not null default 0,
    last_new_item_at     timestamptz,
    consecutive_failures integer       not null default 0,
    last_error           text,
    next_poll_at         timestamptz   not null
);

create unique index feed_url on feed (url);
-- The poller's only question: which feeds are due.
create index feed_next_poll on feed (next_poll_at);
