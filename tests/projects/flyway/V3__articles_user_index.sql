CREATE INDEX articles_user_id_idx ON articles (user_id);
