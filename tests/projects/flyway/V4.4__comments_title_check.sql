ALTER TABLE comments ADD CONSTRAINT comments_title_check CHECK (length(title) > 0);
