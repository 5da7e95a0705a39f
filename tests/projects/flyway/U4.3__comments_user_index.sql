DROP INDEX comments_user_id_idx;
