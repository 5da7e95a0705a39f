-- migrate:up
ALTER TABLE tags ADD CONSTRAINT tags_title_check CHECK (length(title) > 0);

-- migrate:down
ALTER TABLE tags DROP CONSTRAINT tags_title_check;
