-- migrate:up
ALTER TABLE audit_log ADD COLUMN body text NOT NULL DEFAULT '';

-- migrate:down
ALTER TABLE audit_log DROP COLUMN body;
