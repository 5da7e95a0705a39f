ALTER TABLE invoices RENAME COLUMN label TO title;
