-- migrate:up
CREATE INDEX payments_user_id_idx ON payments (user_id);

-- migrate:down
DROP INDEX payments_user_id_idx;
