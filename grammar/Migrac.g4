// The grammar of the .mig migration language (docs/language.md).
//
// Notes for readers:
// - Keywords are case-insensitive (letter fragments at the end); most of them are
//   also usable as names (`nonReservedKeyword`), so a column may be called
//   `status`, `type`, `value` or `key`.
// - The character stream given to the lexer holds one code point per byte of the
//   file, so token indexes are byte offsets. Only ASCII is significant outside
//   strings, quoted names, comments and dollar-quoted bodies.
// - Statements are left-factored on their first keyword so that an error is
//   reported at the token that is wrong, with what could have come there.
// - Rules named `mistake...` match common errors (SQL-style `alter table`,
//   `if exists`, `concurrently`...) so that the transform can say what was
//   meant; they never produce a valid migration.
// - `statement` and `tableElement` recover from errors themselves (see the catch
//   clauses): a syntax error skips to the end of the statement (or element), and
//   parsing goes on, so that every error of a file is reported.

grammar Migrac;

options { contextSuperClass = MigracContext; }

@parser::context {
  // The base of every rule's context. The runtime finds a child of a given
  // rule, or a token, with two dynamic_casts per child it passes; no rule here
  // has labelled alternatives, so a context's type is exactly its rule's class,
  // and comparing typeids tells. The generated accessors call these
  // unqualified: they hide (or override) ParserRuleContext's, and do what
  // they do.
  class MigracContext : public antlr4::ParserRuleContext {
   public:
    // Room for the children most contexts have, made once instead of
    // growing one child at a time.
    MigracContext(antlr4::ParserRuleContext* parent, size_t invokingState)
        : antlr4::ParserRuleContext(parent, invokingState) {
      children.reserve(4);
    }

    template <typename T>
    T* getRuleContext(size_t i) {
      size_t j = 0;
      for (antlr4::tree::ParseTree* child : children)
        if (typeid(*child) == typeid(T) && j++ == i) return static_cast<T*>(child);
      return nullptr;
    }
    template <typename T>
    std::vector<T*> getRuleContexts() {
      std::vector<T*> contexts;
      for (antlr4::tree::ParseTree* child : children)
        if (typeid(*child) == typeid(T)) contexts.push_back(static_cast<T*>(child));
      return contexts;
    }
    antlr4::tree::TerminalNode* getToken(size_t ttype, size_t i) override {
      size_t j = 0;
      for (antlr4::tree::ParseTree* child : children) {
        antlr4::tree::TerminalNode* node = terminal(child);
        if (node && node->getSymbol()->getType() == ttype && j++ == i) return node;
      }
      return nullptr;
    }
    std::vector<antlr4::tree::TerminalNode*> getTokens(size_t ttype) override {
      std::vector<antlr4::tree::TerminalNode*> nodes;
      for (antlr4::tree::ParseTree* child : children) {
        antlr4::tree::TerminalNode* node = terminal(child);
        if (node && node->getSymbol()->getType() == ttype) nodes.push_back(node);
      }
      return nodes;
    }

   private:
    // The child as a token node (as the parser makes them: a TerminalNodeImpl,
    // or an ErrorNodeImpl for a token that error recovery skipped), else nullptr.
    static antlr4::tree::TerminalNode* terminal(antlr4::tree::ParseTree* child) {
      const std::type_info& type = typeid(*child);
      if (type == typeid(antlr4::tree::TerminalNodeImpl) ||
          type == typeid(antlr4::tree::ErrorNodeImpl))
        return static_cast<antlr4::tree::TerminalNode*>(child);
      return nullptr;
    }
  };

  // Runs an action when it goes out of scope: every generated rule ends with
  // one (it is found before antlrcpp::finally, which holds the action in a
  // std::function).
  template <typename F>
  struct ScopeExit {
    F action;
    ~ScopeExit() { action(); }
  };
  template <typename F>
  ScopeExit<F> finally(F action) {
    return ScopeExit<F>{std::move(action)};
  }
}

@parser::members {
  // Thrown by the error strategy to abandon the statement being parsed.
  struct StatementAbort {};
  // True during the fast first pass: any error abandons the whole parse.
  bool bail = false;

  // Called from the catch clauses of `statement`; defined in compiler/syntax.
  void statementError(antlr4::ParserRuleContext* ctx, antlr4::RecognitionException* e);
  // Called from the catch clauses of `tableElement`; defined in compiler/syntax.
  void elementError(antlr4::ParserRuleContext* ctx, antlr4::RecognitionException* e);

  // The runtime's versions of these find a context's parent, or the
  // simulator, with a dynamic_cast, on every rule; here every context is a
  // ParserRuleContext and the simulator a ParserATNSimulator, so a static
  // cast does. The generated rules call them unqualified: these hide (or
  // override) Parser's, and do what they do.
  void enterRule(antlr4::ParserRuleContext* localctx, size_t state, size_t) override {
    setState(state);
    _ctx = localctx;
    _ctx->start = _input->LT(1);
    if (_buildParseTrees && _ctx->parent != nullptr)
      static_cast<antlr4::ParserRuleContext*>(_ctx->parent)->addChild(_ctx);
    if (!_parseListeners.empty()) triggerEnterRuleEvent();
  }
  void exitRule() {
    // After EOF was matched, LT(1) is the EOF token; else LT(-1) is the last token matched.
    _ctx->stop = _matchedEOF ? _input->LT(1) : _input->LT(-1);
    if (!_parseListeners.empty()) triggerExitRuleEvent();
    setState(_ctx->invokingState);
    _ctx = static_cast<antlr4::ParserRuleContext*>(_ctx->parent);
  }
  template <class T>
  T* getInterpreter() const { return static_cast<T*>(_interpreter); }
}

@lexer::members {
  // After the opening delimiter of a dollar-quoted string: consumes the body up to
  // and including the first closing delimiter equal to the opening one, as
  // PostgreSQL does. Without one, the token becomes UNTERMINATED_DOLLAR_STRING.
  void scanDollarBody() {
    std::size_t open_len = _input->index() - tokenStartCharIndex;
    std::vector<std::size_t> delim;
    for (std::size_t k = 0; k < open_len; ++k) {
      delim.push_back(_input->LA(static_cast<ssize_t>(k) - static_cast<ssize_t>(open_len)));
    }
    auto* sim = getInterpreter<antlr4::atn::LexerATNSimulator>();
    for (;;) {
      std::size_t c = _input->LA(1);
      if (c == antlr4::Token::EOF) {
        setType(UNTERMINATED_DOLLAR_STRING);
        return;
      }
      if (c == '$') {
        bool closes = true;
        for (std::size_t k = 0; k < open_len && closes; ++k) {
          closes = _input->LA(static_cast<ssize_t>(k) + 1) == delim[k];
        }
        if (closes) {
          for (std::size_t k = 0; k < open_len; ++k) sim->consume(_input);
          return;
        }
      }
      sim->consume(_input);
    }
  }
}

// --- file and statements ------------------------------------------------------

file_ : statement* EOF ;

statement
  : afterClause
  | setting
  | noTransactionBlock
  | downBlock
  | operation
  ;
  catch [antlr4::RecognitionException &e] { statementError(_localctx, &e); }
  catch [StatementAbort &] { statementError(_localctx, nullptr); }

noTransactionBlock : K_NO K_TRANSACTION LBRACE statement* RBRACE ;
downBlock : K_DOWN LBRACE statement* RBRACE ;

// --- header -------------------------------------------------------------------

afterClause : K_AFTER migrationId (COMMA migrationId)* SEMI ;

// Migration ids may start with a digit (0001_initial_schema). A file name
// (0001_initial_schema.mig) is matched so that the message can say what to write.
// Another tool's version with dots or dashes is quoted: after "1.2.3".
migrationId
  : (IDENT | DIGIT_IDENT | NUMBER | DURATION | nonReservedKeyword) (DOT (IDENT | nonReservedKeyword))*
  | QUOTED_IDENT ;

setting : K_SET settingName EQ settingValue SEMI ;
settingName : identifier ;
// Checked by the transform: durations, true/false, per-migration/none.
settingValue : settingAtom+ ;
// Not the keywords that start statements, so that a missing ';' is found.
settingAtom
  : NUMBER | DURATION | DIGIT_IDENT | STRING | IDENT | QUOTED_IDENT
  | K_TRUE | K_FALSE | K_NULL | K_ON | K_NO | K_DEFAULT | K_ALWAYS | K_STORED | K_GENERATED
  | MINUS | PLUS | DOT
  ;

// --- operations ---------------------------------------------------------------

operation
  : K_CREATE createOp
  | K_DROP dropOp
  | K_RENAME renameOp
  | K_ADD addOp
  | K_ALTER alterOp
  | K_BACKFILL backfill
  | K_SQL sqlOp
  ;

createOp : createTable | createIndex | createEnum | mistakeCreateTypeEnum ;
dropOp : dropTable | dropColumn | dropConstraint | dropIndex | dropEnum ;
renameOp : renameTable | renameColumn ;
addOp : addColumn | addConstraint ;
alterOp : alterColumn | alterEnum | mistakeAlterTable ;

createTable
  : K_TABLE mistakeIfNotExists? tableName LPAREN tableElement (COMMA tableElement)* RPAREN SEMI ;
dropTable : K_TABLE mistakeIfExists? tableName SEMI ;
renameTable : K_TABLE tableName K_TO tableName SEMI ;

addColumn
  : K_COLUMN mistakeIfNotExists? tableName DOT columnDef SEMI
  | mistakeAddColumnWithoutTable
  ;
dropColumn : K_COLUMN mistakeIfExists? qualifiedColumn SEMI ;
renameColumn : K_COLUMN qualifiedColumn K_TO columnName SEMI ;
alterColumn : K_COLUMN qualifiedColumn alterColumnAction SEMI ;

alterColumnAction
  : K_TYPE typeRef (K_USING expr)?
  | K_SET (K_NOT K_NULL | K_DEFAULT expr)
  | K_DROP (K_NOT K_NULL | K_DEFAULT)
  ;

addConstraint : K_CONSTRAINT constraintName? K_ON tableName constraintBody SEMI ;
dropConstraint : K_CONSTRAINT constraintName K_ON tableName SEMI ;

createIndex
  : K_UNIQUE? K_INDEX mistakeConcurrently? indexName? K_ON tableName
    LPAREN indexElement (COMMA indexElement)* RPAREN (K_WHERE expr)? SEMI
  ;
indexElement : expr ;
dropIndex : K_INDEX mistakeConcurrently? mistakeIfExists? indexName SEMI ;

createEnum : K_ENUM enumName LPAREN STRING (COMMA STRING)* RPAREN SEMI ;
alterEnum : K_ENUM enumName K_ADD K_VALUE STRING ((K_BEFORE | K_AFTER) STRING)? SEMI ;
dropEnum : K_ENUM enumName SEMI ;

backfill
  : tableName K_SET assignment (COMMA assignment)* (K_WHERE expr)? (K_BATCH NUMBER)? (K_PAUSE DURATION)? SEMI ;
assignment : columnName EQ expr ;

sqlOp : sqlBody+ SEMI | mistakeSqlString ;
sqlBody : identifier? DOLLAR_STRING ;

// --- mistakes: matched so that the message can say what to write -----------------

mistakeIfExists : K_IF K_EXISTS ;
mistakeIfNotExists : K_IF K_NOT K_EXISTS ;
mistakeConcurrently : K_CONCURRENTLY ;
// `add column c int` without the table
mistakeAddColumnWithoutTable : K_COLUMN columnDef SEMI ;
// `sql 'UPDATE ...'`
mistakeSqlString : STRING SEMI ;
// `create type t as enum (...)`
mistakeCreateTypeEnum : K_TYPE enumName K_AS K_ENUM LPAREN STRING (COMMA STRING)* RPAREN SEMI ;
// SQL's `alter table t add column c int, drop column d;`
mistakeAlterTable : K_TABLE tableName mistakeAlterAction (COMMA mistakeAlterAction)* SEMI ;
mistakeAlterAction
  : K_ADD K_COLUMN? columnDef
  | K_ADD tableConstraint
  | K_DROP K_COLUMN? columnName
  | K_DROP K_CONSTRAINT constraintName
  | K_RENAME K_COLUMN? columnName K_TO columnName
  | K_RENAME K_TO tableName
  | K_ALTER K_COLUMN? columnName alterColumnAction
  ;

// --- columns and constraints -----------------------------------------------------

tableElement : tableConstraint | columnDef ;
  catch [antlr4::RecognitionException &e] { elementError(_localctx, &e); }
  catch [StatementAbort &] { elementError(_localctx, nullptr); }

columnDef : columnName typeRef columnClause* ;

columnClause
  : K_NOT K_NULL
  | K_NULL
  | K_DEFAULT expr
  | K_IDENTITY
  | K_PRIMARY K_KEY
  | K_UNIQUE
  | referencesClause
  | K_CHECK LPAREN expr RPAREN
  | K_GENERATED K_ALWAYS K_AS LPAREN expr RPAREN K_STORED
  ;

tableConstraint : (K_CONSTRAINT constraintName)? constraintBody ;

constraintBody
  : K_PRIMARY K_KEY columnList
  | K_UNIQUE columnList
  | K_FOREIGN K_KEY columnList referencesClause
  | K_CHECK LPAREN expr RPAREN
  ;

referencesClause : K_REFERENCES tableName columnList? referentialAction* ;
referentialAction : K_ON (K_DELETE | K_UPDATE) actionKind ;
actionKind : K_CASCADE | K_SET K_NULL | K_SET K_DEFAULT | K_RESTRICT | K_NO K_ACTION ;

columnList : LPAREN columnName (COMMA columnName)* RPAREN ;

// --- types -------------------------------------------------------------------------

// `int`, `varchar(20)`, PostgreSQL's spellings (`double precision`, `character
// varying(20)`, `timestamp with time zone`), each optionally an array (`text[]`).
typeRef
  : K_NATIVE (QUOTED_IDENT | STRING) arraySuffix*
  | typeName (LPAREN NUMBER (COMMA NUMBER)? RPAREN)? timeZone? arraySuffix*
  ;
typeName : identifier typeNameWord? ;
typeNameWord : K_PRECISION | K_VARYING ;
timeZone : (K_WITH | K_WITHOUT) K_TIME K_ZONE ;
arraySuffix : LBRACKET RBRACKET ;
// PostgreSQL's `x::type`, reported with the language's cast(x as type).
mistakeCast : DOUBLE_COLON typeRef ;

// --- expressions ---------------------------------------------------------------------
// Precedence, loosest first: or < and < not < comparison, is, like, in, between
// < || < + - < * / % < unary - + < primary. Two left-recursive rules (ANTLR lists
// the tightest alternative first) keep the parse tree shallow.

expr
  : K_NOT expr
  | expr K_AND expr
  | expr K_OR expr
  | predicate
  ;
predicate
  : value
    ( compOp value
    | K_IS K_NOT? K_NULL
    | K_NOT? K_LIKE value
    | K_NOT? K_IN LPAREN expr (COMMA expr)* RPAREN
    | K_NOT? K_BETWEEN value K_AND value
    )?
  ;
compOp : EQ | NEQ | LT | LE | GT | GE ;
value
  : op=(MINUS | PLUS) value
  | value op=(STAR | SLASH | PERCENT) value
  | value op=(PLUS | MINUS) value
  | value op=CONCAT value
  | value mistakeCast
  | primary
  ;
primary
  : STRING
  | NUMBER
  | K_TRUE
  | K_FALSE
  | K_NULL
  | K_CASE (K_WHEN expr K_THEN expr)+ (K_ELSE expr)? K_END
  | K_CAST LPAREN expr K_AS typeRef RPAREN
  | K_SQL DOLLAR_STRING
  | functionName LPAREN (expr (COMMA expr)*)? RPAREN
  | columnName
  | LPAREN expr RPAREN
  ;

// --- names -----------------------------------------------------------------------------

tableName : identifier ;
columnName : identifier ;
qualifiedColumn : tableName DOT columnName ;
indexName : identifier ;
constraintName : identifier ;
enumName : identifier ;
functionName : identifier ;

identifier : IDENT | QUOTED_IDENT | nonReservedKeyword ;

// Keywords that may also be used as names. The others (clause starters such as
// `not`, `null`, `default`, `check`, `on`, `where`, and the expression keywords)
// must be double-quoted to be used as names.
nonReservedKeyword
  : K_AFTER | K_SET | K_CREATE | K_TABLE | K_DROP | K_RENAME | K_TO | K_ADD | K_COLUMN | K_ALTER
  | K_TYPE | K_USING | K_KEY | K_DELETE | K_UPDATE | K_CASCADE | K_RESTRICT | K_NO | K_ACTION
  | K_INDEX | K_ENUM | K_VALUE | K_BEFORE | K_BACKFILL | K_BATCH | K_PAUSE | K_SQL | K_TRANSACTION | K_DOWN
  | K_AS | K_NATIVE | K_IF | K_EXISTS | K_CONCURRENTLY | K_PRECISION | K_VARYING | K_WITH
  | K_WITHOUT | K_TIME | K_ZONE | K_GENERATED | K_ALWAYS | K_STORED
  ;

// --- lexer -------------------------------------------------------------------------------

K_AFTER : A F T E R ;
K_SET : S E T ;
K_CREATE : C R E A T E ;
K_TABLE : T A B L E ;
K_DROP : D R O P ;
K_RENAME : R E N A M E ;
K_TO : T O ;
K_ADD : A D D ;
K_COLUMN : C O L U M N ;
K_ALTER : A L T E R ;
K_TYPE : T Y P E ;
K_USING : U S I N G ;
K_NOT : N O T ;
K_NULL : N U L L ;
K_DEFAULT : D E F A U L T ;
K_IDENTITY : I D E N T I T Y ;
K_PRIMARY : P R I M A R Y ;
K_KEY : K E Y ;
K_UNIQUE : U N I Q U E ;
K_REFERENCES : R E F E R E N C E S ;
K_ON : O N ;
K_DELETE : D E L E T E ;
K_UPDATE : U P D A T E ;
K_CASCADE : C A S C A D E ;
K_RESTRICT : R E S T R I C T ;
K_NO : N O ;
K_ACTION : A C T I O N ;
K_CHECK : C H E C K ;
K_CONSTRAINT : C O N S T R A I N T ;
K_FOREIGN : F O R E I G N ;
K_INDEX : I N D E X ;
K_WHERE : W H E R E ;
K_ENUM : E N U M ;
K_VALUE : V A L U E ;
K_BEFORE : B E F O R E ;
K_BACKFILL : B A C K F I L L ;
K_BATCH : B A T C H ;
K_PAUSE : P A U S E ;
K_SQL : S Q L ;
K_TRANSACTION : T R A N S A C T I O N ;
K_DOWN : D O W N ;
K_AND : A N D ;
K_OR : O R ;
K_IS : I S ;
K_LIKE : L I K E ;
K_IN : I N ;
K_BETWEEN : B E T W E E N ;
K_CASE : C A S E ;
K_WHEN : W H E N ;
K_THEN : T H E N ;
K_ELSE : E L S E ;
K_END : E N D ;
K_CAST : C A S T ;
K_AS : A S ;
K_TRUE : T R U E ;
K_FALSE : F A L S E ;
K_NATIVE : N A T I V E ;
K_IF : I F ;
K_EXISTS : E X I S T S ;
K_CONCURRENTLY : C O N C U R R E N T L Y ;
K_PRECISION : P R E C I S I O N ;
K_VARYING : V A R Y I N G ;
K_WITH : W I T H ;
K_WITHOUT : W I T H O U T ;
K_TIME : T I M E ;
K_GENERATED : G E N E R A T E D ;
K_ALWAYS : A L W A Y S ;
K_STORED : S T O R E D ;
K_ZONE : Z O N E ;

SEMI : ';' ;
COMMA : ',' ;
DOT : '.' ;
LPAREN : '(' ;
RPAREN : ')' ;
LBRACE : '{' ;
LBRACKET : '[' ;
RBRACKET : ']' ;
DOUBLE_COLON : '::' ;
RBRACE : '}' ;
EQ : '=' ;
NEQ : '<>' | '!=' ;
LE : '<=' ;
GE : '>=' ;
LT : '<' ;
GT : '>' ;
CONCAT : '||' ;
PLUS : '+' ;
MINUS : '-' ;
STAR : '*' ;
SLASH : '/' ;
PERCENT : '%' ;

// `500ms`, `5s`, `2min`, `1h` (listed before DIGIT_IDENT, which matches them too).
DURATION : DIGIT+ (M S | S | M I N | H) ;
NUMBER : DIGIT+ ('.' DIGIT+)? ;
// A word starting with a digit: a migration id such as 0001_initial_schema.
DIGIT_IDENT : DIGIT+ [A-Za-z_] [A-Za-z0-9_]* ;
IDENT : [A-Za-z_] [A-Za-z0-9_]* ;
QUOTED_IDENT : '"' (~'"' | '""')* '"' ;
STRING : '\'' (~'\'' | '\'\'')* '\'' ;
DOLLAR_STRING : '$' DOLLAR_TAG? '$' { scanDollarBody(); } ;

LINE_COMMENT : '--' ~[\r\n]* -> skip ;
BLOCK_COMMENT : '/*' .*? '*/' -> skip ;
WS : [ \t\r\n\f]+ -> skip ;

// Errors, kept as tokens so that the parser reports them in place. An unterminated
// literal is shorter than a terminated one, so it only wins when no end exists.
UNTERMINATED_STRING : '\'' (~'\'' | '\'\'')* ;
UNTERMINATED_QUOTED_IDENT : '"' (~'"' | '""')* ;
UNTERMINATED_BLOCK_COMMENT : '/*' (~'*' | '*'+ ~[*/])* '*'* ;
// Given by scanDollarBody to a dollar-quoted string without its closing
// delimiter; the rule itself never matches (the stream holds bytes only).
UNTERMINATED_DOLLAR_STRING : '\u0100' ;
// A UTF-8 byte order mark is ignored.
BYTE_ORDER_MARK : '\u00EF\u00BB\u00BF' -> skip ;
// A run of control characters and non-ASCII bytes is one token (one message).
UNEXPECTED_CHAR : [\u0000-\u0008\u000B\u000E-\u001F\u007F-\u00FF]+ | . ;

fragment DOLLAR_TAG : [A-Za-z_\u0080-\u00FF] [A-Za-z_0-9\u0080-\u00FF]* ;
fragment DIGIT : [0-9] ;
fragment A : [aA] ; fragment B : [bB] ; fragment C : [cC] ; fragment D : [dD] ;
fragment E : [eE] ; fragment F : [fF] ; fragment G : [gG] ; fragment H : [hH] ;
fragment I : [iI] ; fragment J : [jJ] ; fragment K : [kK] ; fragment L : [lL] ;
fragment M : [mM] ; fragment N : [nN] ; fragment O : [oO] ; fragment P : [pP] ;
fragment Q : [qQ] ; fragment R : [rR] ; fragment S : [sS] ; fragment T : [tT] ;
fragment U : [uU] ; fragment V : [vV] ; fragment W : [wW] ; fragment X : [xX] ;
fragment Y : [yY] ; fragment Z : [zZ] ;
