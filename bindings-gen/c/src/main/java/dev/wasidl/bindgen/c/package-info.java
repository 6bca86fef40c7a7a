/**
 * C headers to wasi:dl: the jextract role, through our own libclang binding on java.lang.foreign.
 *
 * <p>{@link dev.wasidl.bindgen.c.CHeader#read CHeader.read(header)} parses a header with libclang
 * and maps every function and struct to wasi:dl types; {@link dev.wasidl.bindgen.c.CHeader#select
 * select} picks what to generate; {@link dev.wasidl.bindgen.c.PinFile} writes and reads policy pin
 * files ({@code symbol: (args) -> result}) for {@code DlPolicy.builder().pin(...)}; {@link
 * dev.wasidl.bindgen.c.JavaBindings} writes a Java FFM class; {@link
 * dev.wasidl.bindgen.c.HeaderMain} is the command line.
 *
 * <p>Type mapping (x86-64 Linux, LP64):
 *
 * <table>
 *   <caption>C types to wasi:dl types</caption>
 *   <tr><th>C</th><th>wasi:dl</th></tr>
 *   <tr><td>{@code char}, {@code signed char}</td><td>{@code c-schar} (plain char is signed)</td></tr>
 *   <tr><td>{@code unsigned char}, {@code _Bool}</td><td>{@code c-uchar}</td></tr>
 *   <tr><td>{@code short} ... {@code unsigned long long}</td><td>{@code c-short} ... {@code
 *       c-ulong-long}</td></tr>
 *   <tr><td>{@code float}, {@code double}</td><td>{@code c-float}, {@code c-double}</td></tr>
 *   <tr><td>{@code int8_t} ... {@code uint64_t} (by typedef name)</td><td>{@code int8-t} ...
 *       {@code uint64-t}</td></tr>
 *   <tr><td>other typedefs ({@code size_t}, {@code uLong}, ...)</td><td>resolved: {@code size_t}
 *       is {@code c-ulong}</td></tr>
 *   <tr><td>any pointer, parameters declared as arrays or functions</td><td>{@code
 *       pointer}</td></tr>
 *   <tr><td>{@code enum}</td><td>its underlying integer type ({@code c-uint}, {@code
 *       c-int})</td></tr>
 *   <tr><td>{@code struct} by value</td><td>{@code struct{...}}, nested structs nested, array
 *       fields repeated element by element</td></tr>
 *   <tr><td>{@code f(int, ...)}</td><td>the fixed part and the marker: {@code (c-int, ...)}</td></tr>
 *   <tr><td>unions, bitfields, {@code long double}, {@code _Complex}, {@code __int128}, vectors,
 *       {@code _Atomic}, flexible array members, incomplete or packed structs, static functions, functions without
 *       prototype</td><td>{@link dev.wasidl.bindgen.c.UnsupportedTypeException}, naming the
 *       function or struct and the type</td></tr>
 * </table>
 *
 * <p>libclang is found at {@code -Dwasidl.libclang} / {@code $WASIDL_LIBCLANG}, else as the newest
 * {@code /usr/lib/llvm-N/lib/libclang*.so.1} with clang's resource headers next to it (Debian:
 * {@code apt-get install libclang1-14 libclang-common-14-dev}). Callers need {@code
 * --enable-native-access=dev.wasidl.bindgen.c} (or {@code ALL-UNNAMED} on the class path).
 */
package dev.wasidl.bindgen.c;
