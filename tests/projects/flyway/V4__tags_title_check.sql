ALTER TABLE tags ADD CONSTRAINT tags_title_check CHECK (length(title) > 0);
