ALTER TABLE comments DROP CONSTRAINT comments_title_check;
