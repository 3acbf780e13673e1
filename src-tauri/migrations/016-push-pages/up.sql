-- 016: a push is sent in pages (the core's sync::paging), each acknowledged on its own.
-- The pages of the push in flight the server has acknowledged are not sent again when
-- the push is resumed after a dropped line; they go when the whole push is done.

CREATE TABLE server_push_page (
    page_id TEXT PRIMARY KEY CHECK (length(page_id) = 36),
    acknowledged_at TEXT NOT NULL
) STRICT;

-- The server said it reads gzipped pushes (it answers with Accept-Encoding: gzip):
-- pushes go gzipped from the first page on.
ALTER TABLE server_sync ADD COLUMN takes_gzip INTEGER NOT NULL DEFAULT 0
    CHECK (takes_gzip IN (0, 1));
