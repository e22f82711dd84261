-- Item identity (the provider's id, or the content itself when it gives none), version history, and
-- outbox rows that wait for an embargo or carry a withdrawal (tombstone: no payload).
alter table article add column source_item_id   varchar(500);
alter table article add column content_hash     char(64);
alter table article add column provider_version integer;
alter table article add column embargoed_until  timestamptz;
alter table article add column byline           text;

update article set content_hash = encode(sha256(convert_to(headline || E'\n\n' || body, 'UTF8')), 'hex');
alter table article alter column content_hash set not null;

-- Before deduplication existed the same text could be accepted twice. Each copy is already published under
-- its own id, so none is merged: the earliest keeps the content identity, later ones get an id of their own.
update article a set source_item_id = 'legacy-copy:' || a.id
from (select id, row_number() over (partition by source, content_hash order by received_at, id) as copy
      from article) d
where a.id = d.id and d.copy > 1;

-- One article per provider item; items without a provider id are told apart by content.
create unique index article_source_item on article (source, source_item_id) where source_item_id is not null;
create unique index article_source_content on article (source, content_hash) where source_item_id is null;

create table article_version (
    article_id       uuid         not null references article (id),
    version          integer      not null,
    content_hash     char(64)     not null,
    headline         text         not null,
    provider_version integer,
    change           varchar(16)  not null,
    received_at      timestamptz  not null,
    primary key (article_id, version)
);
insert into article_version (article_id, version, content_hash, headline, provider_version, change, received_at)
    select id, version, content_hash, headline, provider_version, 'CREATED', received_at from article;

alter table outbox_message add column available_at timestamptz;
update outbox_message set available_at = created_at;
alter table outbox_message alter column available_at set not null;
alter table outbox_message alter column payload drop not null;

drop index outbox_message_unsent;
create index outbox_message_unsent on outbox_message (available_at, id) where sent_at is null;
