package dev.wasidl.bindgen.wit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wasidl.bindgen.wit.ast.ExternDecl;
import dev.wasidl.bindgen.wit.ast.FuncDecl;
import dev.wasidl.bindgen.wit.ast.SourceFile;
import dev.wasidl.bindgen.wit.ast.Span;
import dev.wasidl.bindgen.wit.ast.TopItem;
import dev.wasidl.bindgen.wit.ast.UseDecl;
import dev.wasidl.bindgen.wit.ast.UsePath;
import dev.wasidl.bindgen.wit.ast.WitParser;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The parser's own behaviour: versions, comments, docs, places. */
class WitParserTest {
  @Test
  void semverWithPrereleaseAndBuildBeforeUseBraces() {
    SourceFile f =
        WitParser.parse(
            "v.wit",
            """
            package a:b@1.0.0-rc.1+build.5;
            interface i {
              use x:y/z@0.2.0-draft.{t};
            }
            """);
    assertEquals(Optional.of("1.0.0-rc.1+build.5"), f.pkg().orElseThrow().name().version());
    var i = (TopItem.InterfaceDecl) f.items().get(0);
    var use = (UseDecl) i.items().get(0);
    var from = (UsePath.Qualified) use.from();
    assertEquals(PackageName.parse("x:y@0.2.0-draft"), from.pkg());
    assertEquals("z", from.name().name());
    assertEquals("t", use.names().get(0).name().name());
  }

  @Test
  void commentsNestAndOnlyDocCommentsAreKept() {
    SourceFile f =
        WitParser.parse(
            "c.wit",
            """
            package a:b;
            /* outer /* inner */ still a comment */
            //// four slashes: not a doc
            /**/
            /// kept
            interface i {
              // plain
              /// f docs
              f: func();
            }
            """);
    var i = (TopItem.InterfaceDecl) f.items().get(0);
    assertEquals("kept", i.docs());
    assertEquals("f docs", ((FuncDecl) i.items().get(0)).docs());
  }

  @Test
  void spansAreOneBased() {
    SourceFile f = WitParser.parse("s.wit", "package a:b;\n\nworld w {\n  import f: func();\n}\n");
    var w = (TopItem.WorldDecl) f.items().get(0);
    assertEquals(new Span("s.wit", 3, 1), w.span());
    var imp = (ExternDecl) w.items().get(0);
    assertEquals(new Span("s.wit", 4, 3), imp.span());
    assertEquals(new Span("s.wit", 4, 10), ((ExternDecl.NamedFunc) imp.extern()).name().span());
  }

  @Test
  void namedImportOfAnInterfacePath() {
    SourceFile f =
        WitParser.parse(
            "n.wit",
            "package a:b;\nworld w {\n  import cache: x:y/store@1.0.0;\n  import c2: store;\n}\n");
    var w = (TopItem.WorldDecl) f.items().get(0);
    var e1 = (ExternDecl.NamedPath) ((ExternDecl) w.items().get(0)).extern();
    assertEquals("cache", e1.name().name());
    assertEquals(PackageName.parse("x:y@1.0.0"), ((UsePath.Qualified) e1.path()).pkg());
    var e2 = (ExternDecl.NamedPath) ((ExternDecl) w.items().get(1)).extern();
    assertEquals("store", e2.path().name().name());
  }

  @Test
  void messagesNameThePlace() {
    WitSyntaxException e =
        assertThrows(
            WitSyntaxException.class,
            () ->
                WitParser.parse("m.wit", "package a:b;\ninterface i {\n  f: func(x: u32) -> ;\n}"));
    assertEquals("m.wit:3:22: expected a type, found `;`", e.getMessage());
    assertEquals(new Span("m.wit", 3, 22), e.span());
    e = assertThrows(WitSyntaxException.class, () -> WitParser.parse("m.wit", "package a:b;\n$"));
    assertEquals("m.wit:2:1: unexpected character `$`", e.getMessage());
    e =
        assertThrows(
            WitSyntaxException.class,
            () -> WitParser.parse("m.wit", "package a:b;\ninterface i { type t = list<u8, 0>; }"));
    assertEquals(
        "m.wit:2:33: expected a list length (a positive integer), found integer `0`",
        e.getMessage());
  }
}
