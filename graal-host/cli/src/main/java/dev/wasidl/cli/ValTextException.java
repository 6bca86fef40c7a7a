package dev.wasidl.cli;

/**
 * A value's text does not fit its type or is not well-formed: the message says what was expected
 * and where ({@link #line()}, {@link #column()}, both counted from 1 in UTF-16 units).
 */
public final class ValTextException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String text;
  private final int offset;
  private final int line;
  private final int column;

  ValTextException(String problem, String text, int offset) {
    super(problem + at(text, offset));
    this.text = text;
    this.offset = offset;
    this.line = lineOf(text, offset);
    this.column = columnOf(text, offset);
  }

  /** The whole text that was parsed. */
  public String text() {
    return text;
  }

  /** Where the problem is, as an index into {@link #text()}. */
  public int offset() {
    return offset;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** The offending line of the text and a caret under the column, for terminals. */
  public String pointer() {
    int start = offset == 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
    int end = text.indexOf('\n', start);
    String lineText = text.substring(start, end < 0 ? text.length() : end);
    return lineText + "\n" + " ".repeat(column - 1) + "^";
  }

  private static String at(String text, int offset) {
    int line = lineOf(text, offset);
    int column = columnOf(text, offset);
    return line == 1 ? " at column " + column : " at line " + line + ", column " + column;
  }

  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static int columnOf(String text, int offset) {
    int lineStart = offset == 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
    return offset - lineStart + 1;
  }
}
