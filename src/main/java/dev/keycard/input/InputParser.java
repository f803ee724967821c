package dev.keycard.input;

/** Parses one input format into containers; never throws on bad input. */
public interface InputParser {
  InputFormat format();

  ParsedInput parse(Source source, ParseOptions options);
}
