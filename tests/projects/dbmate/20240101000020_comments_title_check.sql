-- migrate:up
ALTER TABLE comments ADD CONSTRAINT comments_title_check CHECK (length(title) > 0);

-- migrate:down
ALTER TABLE comments DROP CONSTRAINT comments_title_check;
