package dev.wasidl.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The lexical name rules of the Explainer (labels, extern names, versions, strong uniqueness). */
class NamesTest {
  @Test
  void labels() {
    for (String ok :
        List.of("a", "a-b-c", "a1-2-3", "A", "A-B-C", "A1-2-3", "a11-w0rds", "m1x3d-4CR0NYMS")) {
      assertTrue(Names.isLabel(ok), ok);
    }
    for (String bad : List.of("", "1-2-3", "a--b", "-a", "a-", "aB", "a_b", "a b", "é")) {
      assertFalse(Names.isLabel(bad), bad);
    }
  }

  @Test
  void versions() {
    assertTrue(Names.isSemver("0.2.6"));
    assertTrue(Names.isSemver("1.0.0-rc.1+build.5"));
    assertFalse(Names.isSemver("0.2"));
    assertFalse(Names.isSemver("01.2.3"));
    assertFalse(Names.isSemver("1.2.3-01"));
    assertTrue(Names.isCanonVersion("1"));
    assertTrue(Names.isCanonVersion("0.2"));
    assertTrue(Names.isCanonVersion("0.0.3"));
    assertTrue(Names.isCanonVersion("0.0.0"));
    assertFalse(Names.isCanonVersion("0"));
    assertFalse(Names.isCanonVersion("1.2"));
    assertFalse(Names.isCanonVersion("0.0"));
    assertTrue(Names.isSemverSuffix(".6-rc.1"));
    assertFalse(Names.isSemverSuffix("/x"));
  }

  @Test
  void externNames() {
    assertEquals(new ExternName.Plain("get-JSON"), ExternName.parse("get-JSON"));
    assertEquals(new ExternName.Constructor("blob"), ExternName.parse("[constructor]blob"));
    assertEquals(new ExternName.Method("blob", "read"), ExternName.parse("[method]blob.read"));
    assertEquals(new ExternName.Static("blob", "make"), ExternName.parse("[static]blob.make"));
    ExternName.Interface i =
        (ExternName.Interface) ExternName.parse("wasi:http/outgoing-handler@0.2.10");
    assertEquals("wasi", i.namespace());
    assertEquals("http", i.pkg());
    assertEquals("outgoing-handler", i.name());
    assertEquals(Optional.of("0.2.10"), i.version());
    assertEquals("wasi:http", i.packageName());
    assertEquals("wasi:http/outgoing-handler@0.2.10", i.text());
    assertEquals(Optional.empty(), ((ExternName.Interface) ExternName.parse("a:b/c")).version());
    for (String bad :
        List.of(
            "[method]blob", "[other]x", "Wasi:cli/run", "wasi:cli", "wasi:cli/run@x", "a:b/c/d")) {
      assertThrows(IllegalArgumentException.class, () -> ExternName.parse(bad), bad);
    }
  }

  @Test
  void strongUniqueness() {
    List<String> distinct =
        List.of(
            "foo",
            "foo-bar",
            "[constructor]foo",
            "[method]foo.bar",
            "[static]foo.baz",
            "foo:bar/baz");
    List<String> keys = distinct.stream().map(n -> ExternName.parse(n).uniquenessKey()).toList();
    assertEquals(keys.size(), keys.stream().distinct().count(), keys.toString());
    // each of these clashes with one of the names above (Explainer, "Name Uniqueness")
    for (String clash :
        List.of(
            "FOO",
            "foo-BAR",
            "[constructor]FOO",
            "[method]foo.BAR",
            "[static]foo.bar",
            "[method]foo.baz",
            "[method]foo.foo",
            "[static]foo-BAR.FOO-bar",
            "foo:bar/BAZ")) {
      String key = parseLenient(clash).uniquenessKey();
      assertTrue(keys.contains(key), clash + " -> " + key);
    }
    assertNotEquals(ExternName.parse("a").uniquenessKey(), ExternName.parse("b").uniquenessKey());
  }

  /** {@code foo:bar/BAZ} is not a valid interface name, but still has a uniqueness key. */
  private static ExternName parseLenient(String name) {
    return name.equals("foo:bar/BAZ")
        ? new ExternName.Interface("foo", "bar", "BAZ", Optional.empty())
        : ExternName.parse(name);
  }
}
