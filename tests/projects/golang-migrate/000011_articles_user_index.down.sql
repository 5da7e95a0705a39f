DROP INDEX articles_user_id_idx;
