-- A hand-written MySQL schema with what the model holds (a table with keys,
-- a check, an index, an enum column, a foreign key) and what it does not: a
-- view, a trigger, a procedure, a generated column.
CREATE TABLE authors (
  id bigint NOT NULL AUTO_INCREMENT,
  name varchar(100) NOT NULL,
  status ENUM('new', 'active') NOT NULL DEFAULT 'new',
  name_upper varchar(100) AS (upper(name)) VIRTUAL,
  CONSTRAINT pk_authors PRIMARY KEY (id),
  CONSTRAINT uq_authors_name UNIQUE (name)
);
CREATE TABLE books (
  id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
  author_id bigint NOT NULL,
  title varchar(200) NOT NULL,
  pages int DEFAULT 0,
  meta json,
  CONSTRAINT ck_books_pages CHECK (pages >= 0),
  INDEX fk_books_author_id (author_id),
  CONSTRAINT fk_books_author_id FOREIGN KEY (author_id) REFERENCES authors (id) ON DELETE CASCADE
);
CREATE INDEX ix_books_title ON books (title);
CREATE VIEW long_books AS SELECT id, title FROM books WHERE pages > 500;
CREATE TRIGGER trg_books_title BEFORE INSERT ON books FOR EACH ROW SET NEW.title = trim(NEW.title);
CREATE PROCEDURE count_books() SELECT count(*) FROM books;
