ALTER TABLE tags DROP CONSTRAINT tags_title_check;
