/**
 * The WIT text format (component-model {@code design/mvp/WIT.md}): a resolved, immutable model and
 * the way in and out of it.
 *
 * <h2>Entry points</h2>
 *
 * <ul>
 *   <li>{@link dev.wasidl.bindgen.wit.Resolve}: {@code addPackageDir(dir)} (a folder of {@code
 *       *.wit} files plus {@code deps/}, as wit-bindgen lays it out), {@code addFile}, {@code
 *       addText}, {@code addDependencies}; lookups {@code iface("ns:pkg/name@version")}, {@code
 *       world(...)}, {@code pkg(...)}, {@code selectWorld}, {@code typeDef(TypeRef)} and {@code
 *       definition(TypeRef)} (aliases and {@code use}s followed).
 *   <li>{@link dev.wasidl.bindgen.wit.WitPrinter#print}: a resolved package back to canonical WIT;
 *       resolving the output again gives an equal package.
 *   <li>{@link dev.wasidl.bindgen.wit.ast.WitParser}: text to a syntax tree with places, for tools
 *       that need the source as written.
 * </ul>
 *
 * <h2>The model</h2>
 *
 * A {@link dev.wasidl.bindgen.wit.WitPackage} holds {@link dev.wasidl.bindgen.wit.Interface}s and
 * {@link dev.wasidl.bindgen.wit.World}s. An interface holds {@link dev.wasidl.bindgen.wit.TypeDef}s
 * (record, variant, enum, flags, resource, alias; a {@code use}d name is an alias of the used type)
 * and {@link dev.wasidl.bindgen.wit.WitFunction}s (a resource's constructor, methods and static
 * functions among them, named as in the component model: {@code [method]r.f}). Types are {@link
 * dev.wasidl.bindgen.wit.WitType} values; a named type is a {@link dev.wasidl.bindgen.wit.TypeRef},
 * its owner plus its name there, so the model has no cycles and compares by value. A world is
 * elaborated: includes merged (with renames), and the interfaces its items use imported before
 * them.
 *
 * <p>The model depends on nothing outside this module, so a component runtime can compare the types
 * of a component with WIT through this one representation.
 *
 * <p>Failures are {@link dev.wasidl.bindgen.wit.WitException}s: {@link
 * dev.wasidl.bindgen.wit.WitSyntaxException} (not WIT) and {@link
 * dev.wasidl.bindgen.wit.WitResolveException} (names or structure that do not resolve), their
 * messages starting with {@code file:line:column}.
 */
package dev.wasidl.bindgen.wit;
