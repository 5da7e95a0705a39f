-- migrate:up
ALTER TABLE articles ADD CONSTRAINT articles_title_check CHECK (length(title) > 0);

-- migrate:down
ALTER TABLE articles DROP CONSTRAINT articles_title_check;
