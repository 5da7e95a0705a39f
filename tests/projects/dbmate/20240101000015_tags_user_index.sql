-- migrate:up
CREATE INDEX tags_user_id_idx ON tags (user_id);

-- migrate:down
DROP INDEX tags_user_id_idx;
