CREATE INDEX payments_user_id_idx ON payments (user_id);
