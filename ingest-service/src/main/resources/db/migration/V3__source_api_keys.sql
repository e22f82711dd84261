-- API keys per source: only a SHA-256 of each key is kept, so a database leak reveals no usable key.
create table source_api_key (
    id          uuid         primary key,
    source      varchar(200) not null,
    key_hash    char(64)     not null unique,
    label       varchar(200),
    created_at  timestamptz  not null,
    revoked_at  timestamptz
);
create index source_api_key_source on source_api_key (source);
