-- migrate:up
CREATE INDEX comments_user_id_idx ON comments (user_id);

-- migrate:down
DROP INDEX comments_user_id_idx;
