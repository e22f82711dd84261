-- What the provider says about an item besides its text: its subject codes, the people, organisations and places
-- it tagged the item with, and when it made this version. Kept with the article, so each message published from
-- the row (every new version) carries them. Lists are JSON: a subject is a small object (code, name, scheme), and
-- nothing here is queried by SQL. Constant defaults: PostgreSQL adds these columns without rewriting the table.
alter table article add column version_created timestamptz;
alter table article add column subjects        jsonb not null default '[]';
alter table article add column people          jsonb not null default '[]';
alter table article add column organisations   jsonb not null default '[]';
alter table article add column places          jsonb not null default '[]';
