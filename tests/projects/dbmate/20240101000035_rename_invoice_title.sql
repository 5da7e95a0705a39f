-- migrate:up
ALTER TABLE invoices RENAME COLUMN title TO label;

-- migrate:down
ALTER TABLE invoices RENAME COLUMN label TO title;
