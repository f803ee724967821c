package dev.keycard.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sandbox escape of issue 14 and its variants: a Java payload smuggled through every MVEL
 * literal and collection syntax that could make MVEL's scanner read caller text as code — inside
 * strings of both quote kinds, inline lists and maps, templates, projections, regexes, comments and
 * escapes. Shared by the engine's and the HTTP layer's regression tests.
 */
public final class EscapeVariants {
  /** The file the payloads would create if any of them ran. */
  public static final Path MARKER =
      Path.of(System.getProperty("java.io.tmpdir"), "keycard-issue14-marker");

  private EscapeVariants() {}

  /** A payload: its name and the expression text. */
  public record Variant(String name, String expression) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** Java that would create the marker, in MVEL syntax, with single and with double quotes. */
  static String exec(char q) {
    return "''.getClass().forName(" + q + "java.lang.Runtime" + q + ").getMethod(" + q
        + "getRuntime" + q + ").invoke(null).exec(" + q + "touch " + MARKER + q + ")";
  }

  /** The payload of the issue: a double-quoted string holding ''[EXPR],' inside an inline list. */
  public static String original() {
    return "[\"''[" + exec('\\').replace("\\", "\\\"") + "],'\"[0]] != null";
  }

  /** Every variant, each a full expression a caller could send as a rule's condition. */
  public static List<Variant> all() {
    String x = exec('"').replace("\"", "\\\"");
    String y = exec('\'').replace("'", "\\'");
    String raw = exec('\'');
    List<Variant> v = new ArrayList<>();
    v.add(new Variant("00 the issue's payload", original()));
    v.add(new Variant("01 double-quoted ''[..],' in a list", "[\"''[" + x + "],'\"] != null"));
    v.add(new Variant("02 single-quoted escaped quotes in a list", "['\\'\\'[" + y + "],\\''] != null"));
    v.add(new Variant("03 payload as second list element", "['a', \"''[" + x + "],'\"] contains 'a'"));
    v.add(new Variant("04 map literal value", "['k' : \"''[" + x + "],'\"]['k'] != null"));
    v.add(new Variant("05 map literal key", "[\"''[" + x + "],'\" : 1].size() > 0"));
    v.add(new Variant("06 nested list literal", "[[\"''[" + x + "],'\"]] != null"));
    v.add(new Variant("07 template marker in a string", "c.image == \"@{" + x + "}\""));
    v.add(new Variant("08 shell-style interpolation in a string", "c.image == \"${" + x + "}\""));
    v.add(new Variant("09 quote break-out, single", "c.image == '' + " + raw + " + ''"));
    v.add(new Variant("10 quote break-out, double", "c.image == \"\" + " + exec('"') + " + \"\""));
    v.add(new Variant("11 escaped quote then code", "c.image == '\\' + " + raw + " + \\''"));
    v.add(new Variant("12 backslash at the end of a literal", "c.image == '\\\\' + " + raw));
    v.add(new Variant("13 unicode-escaped quote", "c.image == '\\u0027 + " + raw + " + \\u0027'"));
    v.add(new Variant("14 comment inside a literal", "c.image == '/* ' + " + raw + " + ' */'"));
    v.add(new Variant("15 line comment after a literal", "c.image == 'x' // " + raw));
    v.add(new Variant("16 two escaped quotes then a bracket", "c.image == '\\'\\'[" + y + "]'"));
    v.add(new Variant("17 projection string with ' in '", "($ in c.cap_add if $ == 'a in " + y + "').size() > 0"));
    v.add(new Variant("18 projection string with ' if '", "($ in c.cap_add if $ == 'a if " + y + "').size() > 0"));
    v.add(new Variant("19 projection element literal", "(\"''[" + x + "],'\" in c.cap_add) != null"));
    v.add(new Variant("20 regex holding code", "c.image ~= \"''[" + x + "],'\""));
    v.add(new Variant("21 regex with a quote break-out", "c.image ~= '.*' + " + raw));
    v.add(new Variant("22 helper argument", "path_under(\"''[" + x + "],'\", '/')"));
    v.add(new Variant("23 method argument", "c.image.startsWith(\"''[" + x + "],'\")"));
    v.add(new Variant("24 ternary branch", "c.privileged ? \"''[" + x + "],'\" == 'a' : false"));
    v.add(new Variant("25 index expression", "c.cap_add[\"''[" + x + "],'\"] != null"));
    v.add(new Variant("26 null-safe field after a literal", "\"''[" + x + "],'\".?x != null"));
    v.add(new Variant("27 raw inline list", "[" + raw + "] != null"));
    v.add(new Variant("28 raw inline map", "['k' : " + raw + "] != null"));
    v.add(new Variant("29 raw code", raw + " != null"));
    v.add(new Variant("30 new object", "new java.io.File('" + MARKER + "').createNewFile()"));
    v.add(new Variant("31 class literal through a field", "c.Runtime.getRuntime().exec('touch " + MARKER + "')"));
    v.add(new Variant("32 getClass through property syntax", "c.image.class.forName('java.lang.Runtime') != null"));
    v.add(new Variant("33 MVEL eval", "org.mvel2.MVEL.eval('" + y + "') != null"));
    v.add(new Variant("34 template runtime", "org.mvel2.templates.TemplateRuntime.eval('@{" + y + "}', null)"));
    v.add(new Variant("35 assignment smuggled in a list", "[x = " + raw + "] != null"));
    v.add(new Variant("36 statement separator in a list", "[1; " + raw + "] != null"));
    v.add(new Variant("37 with-block in a list", "[with (c) { image = 'x' }] != null"));
    v.add(new Variant("38 function definition", "def f() { " + raw + " }; f()"));
    v.add(new Variant("39 foreach in a list", "[foreach (z : [1]) { " + raw + " }] != null"));
    v.add(new Variant("40 array creation", "new java.lang.Integer[2147483647] != null"));
    v.add(new Variant("41 array creation in a list", "[new java.lang.Integer[2147483647]] != null"));
    v.add(new Variant("42 getenv", "System.getenv('HOME') != null"));
    v.add(new Variant("43 getenv through a string", "\"''[System.getenv('HOME')],'\" != null"));
    v.add(new Variant("44 file read through a string", "\"''[new java.util.Scanner(new java.io.File('/etc/hostname')).next()],'\" != null"));
    v.add(new Variant("45 inline list in a helper argument", "is_root_user([\"''[" + x + "],'\"][0])"));
    v.add(new Variant("46 inline list in a contains", "[\"''[" + x + "],'\"] contains c.image"));
    v.add(new Variant("47 empty string pairs", "['''', \"\"\"\"] != null"));
    v.add(new Variant("48 at-brace in a list", "['@{" + y + "}'] != null"));
    v.add(new Variant("49 concatenated escape pieces", "c.image == '\\'' + '\\'' + '[' + \"" + x + "\" + ']'"));
    v.add(new Variant("50 item in a for_each-like projection", "($ in c.mounts if $.source == \"''[" + x + "],'\").size() > 0"));
    v.add(new Variant("51 hash-comment", "c.image == 'x' # " + raw));
    v.add(new Variant("52 backtick", "c.image == `" + raw + "`"));
    v.add(new Variant("53 dollar identifier", "$x = " + raw));
    v.add(new Variant("54 octal escape", "c.image == '\\047 + " + raw + " + \\047'"));
    return v;
  }
}
