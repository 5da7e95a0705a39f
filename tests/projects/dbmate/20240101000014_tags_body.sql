-- migrate:up
ALTER TABLE tags ADD COLUMN body text NOT NULL DEFAULT '';

-- migrate:down
ALTER TABLE tags DROP COLUMN body;
