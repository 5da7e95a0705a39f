-- migrate:up
ALTER TABLE invoices ADD CONSTRAINT invoices_title_check CHECK (length(title) > 0);

-- migrate:down
ALTER TABLE invoices DROP CONSTRAINT invoices_title_check;
