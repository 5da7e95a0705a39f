ALTER TABLE invoices RENAME COLUMN title TO label;
