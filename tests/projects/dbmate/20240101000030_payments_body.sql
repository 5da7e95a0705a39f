-- migrate:up
ALTER TABLE payments ADD COLUMN body text NOT NULL DEFAULT '';

-- migrate:down
ALTER TABLE payments DROP COLUMN body;
