ALTER TABLE articles ADD CONSTRAINT articles_title_check CHECK (length(title) > 0);
