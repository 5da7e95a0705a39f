-- migrate:up
ALTER TABLE comments ADD COLUMN body text NOT NULL DEFAULT '';

-- migrate:down
ALTER TABLE comments DROP COLUMN body;
