package dev.keycard.engine;

/** One lexeme: its kind, its text (unescaped for strings) and its 0-based offset. */
record Token(Kind kind, String text, int offset) {

  enum Kind {
    IDENT,
    DOLLAR,
    INT,
    DECIMAL,
    STRING,
    OP,
    EOF
  }

  boolean is(String op) {
    return kind == Kind.OP && text.equals(op);
  }

  boolean isWord(String word) {
    return kind == Kind.IDENT && text.equals(word);
  }
}
