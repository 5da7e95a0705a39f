-- migrate:up
ALTER TABLE articles ADD COLUMN body text NOT NULL DEFAULT '';

-- migrate:down
ALTER TABLE articles DROP COLUMN body;
