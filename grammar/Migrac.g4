// Placeholder: the full grammar replaces this.
grammar Migrac;
file_ : EOF ;
WS : [ \t\r\n]+ -> skip ;
