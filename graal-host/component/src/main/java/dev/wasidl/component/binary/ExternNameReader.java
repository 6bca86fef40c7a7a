package dev.wasidl.component.binary;

import dev.wasidl.component.ExternName;
import dev.wasidl.component.NameAttributes;
import dev.wasidl.component.Names;
import dev.wasidl.component.Sort;
import java.util.Map;
import java.util.Optional;

/**
 * Reads import and export names ({@code nameattributes}) and applies the name rules: the lexical
 * grammar, strong uniqueness, attributes, and the {@code [constructor]}/{@code [method]}/{@code
 * [static]} rules.
 */
final class ExternNameReader {
  private ExternNameReader() {}

  /** An extern name with its attributes. */
  record Named(ExternName name, NameAttributes attributes) {}

  /** Reads {@code nameattributes}, validating the name and its attributes. */
  static Named read(BinaryReader s) {
    int at = s.pos();
    int form = s.u8();
    if (form > 0x02) {
      throw s.malformed("invalid name form 0x" + Integer.toHexString(form), at);
    }
    int nameAt = s.pos();
    String text = s.name();
    ExternName name = parseName(s, text, nameAt);
    NameAttributes attributes = NameAttributes.NONE;
    if (form == 0x02) {
      Optional<String> implementsName = Optional.empty();
      Optional<String> versionSuffix = Optional.empty();
      Optional<String> externalId = Optional.empty();
      int n = s.vecLength();
      for (int i = 0; i < n; i++) {
        int attrAt = s.pos();
        int kind = s.u8();
        switch (kind) {
          case 0x00 -> {
            if (implementsName.isPresent()) {
              throw s.invalid("attribute implements given more than once", attrAt);
            }
            int inAt = s.pos();
            String in = s.name();
            if (!(parseName(s, in, inAt) instanceof ExternName.Interface)) {
              throw s.invalid("implements attribute `" + in + "` is not an interface name", inAt);
            }
            if (!(name instanceof ExternName.Plain)) {
              throw s.invalid("implements attribute on `" + text + "`, not a plain name", attrAt);
            }
            implementsName = Optional.of(in);
          }
          case 0x01 -> {
            if (versionSuffix.isPresent()) {
              throw s.invalid("attribute versionsuffix given more than once", attrAt);
            }
            int vsAt = s.pos();
            String vs = s.name();
            checkVersionSuffix(s, name, vs, vsAt);
            versionSuffix = Optional.of(vs);
          }
          case 0x02 -> {
            if (externalId.isPresent()) {
              throw s.invalid("attribute external-id given more than once", attrAt);
            }
            externalId = Optional.of(s.name());
          }
          default ->
              throw s.malformed("invalid name attribute 0x" + Integer.toHexString(kind), attrAt);
        }
      }
      attributes = new NameAttributes(implementsName, versionSuffix, externalId);
    }
    return new Named(name, attributes);
  }

  private static void checkVersionSuffix(BinaryReader s, ExternName name, String vs, int at) {
    if (!Names.isSemverSuffix(vs)) {
      throw s.invalid("versionsuffix `" + vs + "` has characters outside [0-9A-Za-z.+-]", at);
    }
    if (!(name instanceof ExternName.Interface i)
        || i.version().isEmpty()
        || !Names.isCanonVersion(i.version().get())) {
      throw s.invalid(
          "versionsuffix `"
              + vs
              + "` needs an interface name with a canonical version, not `"
              + name.text()
              + "`",
          at);
    }
    String full = i.version().get() + vs;
    if (!Names.isSemver(full)) {
      throw s.invalid(
          "version `" + i.version().get() + "` with suffix `" + vs + "` is not a valid semver", at);
    }
  }

  static ExternName parseName(BinaryReader s, String text, int at) {
    if (text.indexOf(':') >= 0
        && (text.indexOf(':') != text.lastIndexOf(':')
            || text.indexOf('/') != text.lastIndexOf('/'))) {
      throw s.unsupported("nested namespaces or packages (🪺) in name `" + text + "`", at);
    }
    try {
      return ExternName.parse(text);
    } catch (IllegalArgumentException e) {
      throw s.invalid("invalid name: " + e.getMessage(), at);
    }
  }

  static void unique(
      BinaryReader s, Map<String, String> keys, ExternName name, String what, int at) {
    String previous = keys.putIfAbsent(name.uniquenessKey(), name.text());
    if (previous != null) {
      throw s.invalid(
          what
              + " name `"
              + name.text()
              + "` conflicts with previous name `"
              + previous
              + "` (names must be strongly-unique)",
          at);
    }
  }

  /** {@code (implements ...)} names only instances. */
  static void checkImplements(BinaryReader s, NameAttributes attributes, Sort sort, int at) {
    if (attributes.implementsName().isPresent() && sort != Sort.INSTANCE) {
      throw s.invalid(
          "an (implements ...) name must be instance-typed, not a " + sort.specName(), at);
    }
  }

  /**
   * Checks {@code [constructor]}, {@code [method]} and {@code [static]} names: functions only, of a
   * resource imported (for imports) or exported (for exports) earlier in this scope under that
   * plain name, with a {@code self} borrow or an own result. Plain names of resources are
   * remembered.
   */
  static void checkAnnotatedName(
      BinaryReader s,
      ValidationScope scope,
      ExternName name,
      Sort sort,
      Facts info,
      boolean isImport,
      int at) {
    Map<String, Facts> resources = isImport ? scope.importedResources : scope.exportedResources;
    String resource =
        switch (name) {
          case ExternName.Constructor c -> c.resource();
          case ExternName.Method m -> m.resource();
          case ExternName.Static st -> st.resource();
          case ExternName.Plain p -> {
            if (sort == Sort.TYPE && info instanceof Facts.Resource) {
              resources.put(p.label(), info);
            }
            yield null;
          }
          case ExternName.Interface i -> null;
        };
    if (resource == null) {
      return;
    }
    if (sort != Sort.FUNC) {
      throw s.invalid("`" + name.text() + "` names a " + sort.specName() + ", not a func", at);
    }
    Facts r = resources.get(resource);
    if (r == null) {
      throw s.invalid(
          "`"
              + name.text()
              + "` refers to resource `"
              + resource
              + (isImport ? "`, which is not imported" : "`, which is not exported")
              + " before it in this "
              + scope.kind.specName,
          at);
    }
    if (!(info instanceof Facts.Func f)) {
      return;
    }
    switch (name) {
      case ExternName.Method m -> {
        boolean ok =
            !f.params().isEmpty()
                && f.paramLabels().get(0).equals("self")
                && (!(f.params().get(0) instanceof Facts.ValueType v)
                    || (v.handle() != null && !v.handle().own() && sameResource(v.handle(), r)));
        if (!ok) {
          throw s.invalid(
              "method `" + name.text() + "` must take (param \"self\" (borrow " + resource + "))",
              at);
        }
      }
      case ExternName.Constructor c -> {
        Facts result = f.result();
        boolean ok =
            result instanceof Facts.Unknown
                || (result instanceof Facts.ValueType v
                    && ((v.handle() != null && v.handle().own() && sameResource(v.handle(), r))
                        || (v.okHandle() != null
                            && v.okHandle().own()
                            && sameResource(v.okHandle(), r))));
        if (!ok) {
          throw s.invalid(
              "constructor `"
                  + name.text()
                  + "` must return (own "
                  + resource
                  + ") or (result (own "
                  + resource
                  + ") ...)",
              at);
        }
      }
      case ExternName.Static st -> {}
      case ExternName.Plain p -> {}
      case ExternName.Interface i -> {}
    }
  }

  private static boolean sameResource(Facts.Handle h, Facts resource) {
    return h.resource() instanceof Facts.Unknown
        || resource instanceof Facts.Unknown
        || h.resource().equals(resource);
  }
}
