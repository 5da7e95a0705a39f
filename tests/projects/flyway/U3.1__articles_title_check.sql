ALTER TABLE articles DROP CONSTRAINT articles_title_check;
