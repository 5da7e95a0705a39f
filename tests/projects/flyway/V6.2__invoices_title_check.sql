ALTER TABLE invoices ADD CONSTRAINT invoices_title_check CHECK (length(title) > 0);
