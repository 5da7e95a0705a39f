DROP INDEX payments_user_id_idx;
