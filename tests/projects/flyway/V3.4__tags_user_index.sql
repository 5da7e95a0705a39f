CREATE INDEX tags_user_id_idx ON tags (user_id);
