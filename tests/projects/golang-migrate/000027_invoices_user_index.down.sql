DROP INDEX invoices_user_id_idx;
