DROP TABLE scratch2;
