-- migrate:up
ALTER TABLE invoices ADD COLUMN body text NOT NULL DEFAULT '';

-- migrate:down
ALTER TABLE invoices DROP COLUMN body;
