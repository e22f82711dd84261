-- Relays claim outbox rows (FOR UPDATE SKIP LOCKED), several at once, and a row is only eligible while no earlier
-- unsent row of its article exists, so versions of an article never overtake each other. That check, and intake's
-- discard of an article's unsent rows, look up unsent rows by article: keep them to an index probe.
create index outbox_message_unsent_by_article on outbox_message (article_id, id) where sent_at is null;
