CREATE INDEX invoices_user_id_idx ON invoices (user_id);
