INSERT INTO notes (text) VALUES ('hello');
