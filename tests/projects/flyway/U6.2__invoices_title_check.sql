ALTER TABLE invoices DROP CONSTRAINT invoices_title_check;
