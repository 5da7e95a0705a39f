DROP INDEX tags_user_id_idx;
