#!/usr/bin/env python3
"""Generates canonical ABI test vectors with the spec's own Python as the oracle.

    python3 gen_vectors.py <component-model checkout or bare git dir> [rev]

writes ../resources/abi/vectors.json, which CanonicalAbiOracleTest checks the Java
implementation against (the tests never run Python). Each vector runs one spec function
(flatten_type, alignment, elem_size, store, load, lower_flat, lift_flat, store_string_into_range,
flatten_functype, lower_flat_values, lift_flat_values) on a fresh 32-bit memory whose realloc is
a bump allocator, and records the memory, the realloc calls and the result, or that it trapped.
'handles' vectors are sequences of canon_resource_new/rep/drop, lower_own/lift_own,
lower_borrow/lift_borrow and the end of the Task/Subtask, on one instance's handle table.
The only stand-in is LiftLowerContext.reallocate, which calls the bump allocator directly instead
of going through canon_lift (whose task machinery is not the ABI under test).

JSON forms shared with the Java test:
  type:  "bool" | "s8" ... "u64" | "f32" | "f64" | "char" | "string" | ["list", T]
         | ["record", [[name, T], ...]] | ["tuple", [T, ...]] | ["variant", [[name, T|null], ...]]
         | ["enum", [name, ...]] | ["option", T] | ["result", T|null, T|null] | ["flags", [name, ...]]
  value: bool | int (integers; u64 unsigned) | f32/f64 as their bits | char as its code point
         | str | list: [v...] | record, tuple: [v...] in order | variant: [case, v|null]
         | enum: case | option: null or [v] | result: ["ok"|"error", v|null] | flags: [name...]
  flat:  ints, the spec's unsigned core values, f32/f64 as bits
  memory: the memory's nonzero bytes as [[offset, hex], ...]
"""
import json
import random
import struct
import sys
from pathlib import Path

import spec

SPEC_DIR = Path(sys.argv[1]) if len(sys.argv) > 1 else Path('/work/.mirror/WebAssembly+component-model/repo')
REV = sys.argv[2] if len(sys.argv) > 2 else 'HEAD'
S = spec.load(SPEC_DIR, REV)
Trap = S['Trap']

ENCODINGS = ['utf8', 'utf16', 'latin1+utf16']
HEAP = 1024
MEM_SIZE = 4096

# ---------------------------------------------------------------- the context


class Cx(S['LiftLowerContext']):
    """The spec's cx over a bump allocator: realloc(old, old_size, align, new_size) returns the
    next free address aligned to align, copying min(old_size, new_size) bytes from old."""

    def __init__(self, encoding, mem_size=MEM_SIZE):
        mem = S['MemInst'](bytearray(mem_size), 'i32')
        opts = S['LiftLowerOptions'](string_encoding=encoding, memory=mem)
        S['LiftLowerContext'].__init__(self, opts, S['ComponentInstance'](S['Store']()))
        self.heap = HEAP
        self.log = []

    def reallocate(self, old, old_len, align, new_len):
        ptr = -(-self.heap // align) * align
        self.heap = ptr + new_len
        mem = self.opts.memory.bytes
        if old != 0 and ptr + min(old_len, new_len) <= len(mem):
            mem[ptr:ptr + min(old_len, new_len)] = mem[old:old + min(old_len, new_len)]
        self.log.append([old, old_len, align, new_len, ptr])
        return ptr

    def memory_hex(self):
        return segments(self.opts.memory.bytes)


def segments(mem):
    """The nonzero parts of mem as [[offset, hex], ...] (runs closer than 8 zero bytes merged)."""
    out = []
    i, n = 0, len(mem)
    while i < n:
        if mem[i] == 0:
            i += 1
            continue
        j = i
        while j < n and any(mem[j:j + 8]):
            j += 1
        while mem[j - 1] == 0:
            j -= 1
        out.append([i, bytes(mem[i:j]).hex()])
        i = j
    return out


def at(offset, data):
    """Memory holding data at offset."""
    return [[offset, bytes(data).hex()]] if data else []


def fresh_memory(cx, segs):
    for offset, hexstr in segs:
        b = bytes.fromhex(hexstr)
        cx.opts.memory.bytes[offset:offset + len(b)] = b

# ---------------------------------------------------------------- types


PRIMS = ['bool', 's8', 'u8', 's16', 'u16', 's32', 'u32', 's64', 'u64', 'f32', 'f64', 'char', 'string']


def to_spec_type(j):
    if isinstance(j, str):
        return {'bool': S['BoolType'], 's8': S['S8Type'], 'u8': S['U8Type'], 's16': S['S16Type'],
                'u16': S['U16Type'], 's32': S['S32Type'], 'u32': S['U32Type'], 's64': S['S64Type'],
                'u64': S['U64Type'], 'f32': S['F32Type'], 'f64': S['F64Type'], 'char': S['CharType'],
                'string': S['StringType']}[j]()
    k = j[0]
    if k == 'list':
        return S['ListType'](to_spec_type(j[1]))
    if k == 'record':
        return S['RecordType']([S['FieldType'](n, to_spec_type(t)) for n, t in j[1]])
    if k == 'tuple':
        return S['TupleType']([to_spec_type(t) for t in j[1]])
    if k == 'variant':
        return S['VariantType']([S['CaseType'](n, None if t is None else to_spec_type(t)) for n, t in j[1]])
    if k == 'enum':
        return S['EnumType'](list(j[1]))
    if k == 'option':
        return S['OptionType'](to_spec_type(j[1]))
    if k == 'result':
        return S['ResultType'](None if j[1] is None else to_spec_type(j[1]),
                               None if j[2] is None else to_spec_type(j[2]))
    if k == 'flags':
        return S['FlagsType'](list(j[1]))
    raise ValueError(j)


LABELS = ['a', 'b', 'c', 'd', 'e', 'f', 'x-y', 'z1']


def labels(rng, n):
    return [f'l{i}' for i in range(n)] if n > len(LABELS) else LABELS[:n]


def rand_type(rng, depth, scalar_only=False):
    if depth <= 0 or rng.random() < 0.35:
        prims = PRIMS[:-1] if scalar_only else PRIMS
        return rng.choice(prims)
    kinds = ['record', 'tuple', 'variant', 'enum', 'option', 'result', 'flags']
    if not scalar_only:
        kinds.append('list')
    k = rng.choice(kinds)
    sub = lambda: rand_type(rng, depth - 1, scalar_only)
    if k == 'list':
        return ['list', sub()]
    if k == 'record':
        return ['record', [[l, sub()] for l in labels(rng, rng.randint(1, 4))]]
    if k == 'tuple':
        return ['tuple', [sub() for _ in range(rng.randint(1, 4))]]
    if k == 'variant':
        return ['variant', [[l, sub() if rng.random() < 0.7 else None] for l in labels(rng, rng.randint(1, 4))]]
    if k == 'enum':
        return ['enum', labels(rng, rng.choice([1, 2, 3, 5, 8, 300]))]
    if k == 'option':
        return ['option', sub()]
    if k == 'result':
        return ['result', sub() if rng.random() < 0.7 else None, sub() if rng.random() < 0.7 else None]
    return ['flags', labels(rng, rng.choice([1, 3, 8, 9, 16, 17, 32]))]

# ---------------------------------------------------------------- values

STRINGS = ['', 'a', 'hello', 'caf\u00e9', '\u00ff\u00fe', 'na\u00efve \u00e0 la', '\u65e5\u672c',
           'a\u0100b', 'x\U0001F600y', '\U0001F600', 'mixed \u00e9\u4e2d\U0001F600!', 'ascii only text']


def f32_of_bits(b):
    return struct.unpack('<f', struct.pack('<I', b))[0]


def f64_of_bits(b):
    return struct.unpack('<d', struct.pack('<Q', b))[0]


def bits_of_f32(f):
    return struct.unpack('<I', struct.pack('<f', f))[0]


def bits_of_f64(f):
    return struct.unpack('<Q', struct.pack('<d', f))[0]


def host_string(s):
    """How wasidl lowers a host string: Java's compact-string view, latin1 or UTF-16."""
    units = len(s.encode('utf-16-le')) // 2
    if all(ord(c) < 256 for c in s):
        return (s, 'latin1+utf16', units)
    return (s, 'latin1+utf16', units | (1 << 31))


def rand_value(rng, j):
    """A JSON value of type j."""
    if isinstance(j, str):
        if j == 'bool':
            return rng.random() < 0.5
        if j in ('s8', 's16', 's32', 's64'):
            bits = int(j[1:])
            return rng.choice([0, -1, 1, -(1 << (bits - 1)), (1 << (bits - 1)) - 1, rng.randint(-(1 << (bits - 1)), (1 << (bits - 1)) - 1)])
        if j in ('u8', 'u16', 'u32', 'u64'):
            bits = int(j[1:])
            return rng.choice([0, 1, (1 << bits) - 1, rng.randint(0, (1 << bits) - 1)])
        if j == 'f32':
            return bits_of_f32(f32_of_bits(rng.choice([0, 0x80000000, 0x3f800000, 0x7f800000, 0xff800000,
                                                       0x7fc00000, rng.getrandbits(32) & 0x7f7fffff])))
        if j == 'f64':
            return rng.choice([0, 1 << 63, 0x3ff0000000000000, 0x7ff0000000000000, 0x7ff8000000000000,
                               rng.getrandbits(64) & 0x7fefffffffffffff])
        if j == 'char':
            return rng.choice([0, 0x41, 0xe9, 0xd7ff, 0xe000, 0xfffd, 0x1f600, 0x10ffff])
        if j == 'string':
            return rng.choice(STRINGS)
    k = j[0]
    if k == 'list':
        return [rand_value(rng, j[1]) for _ in range(rng.randint(0, 3))]
    if k == 'record':
        return [rand_value(rng, t) for _, t in j[1]]
    if k == 'tuple':
        return [rand_value(rng, t) for t in j[1]]
    if k == 'variant':
        n, t = rng.choice(j[1])
        return [n, None if t is None else rand_value(rng, t)]
    if k == 'enum':
        return rng.choice(j[1])
    if k == 'option':
        return None if rng.random() < 0.3 else [rand_value(rng, j[1])]
    if k == 'result':
        ok = rng.random() < 0.5
        t = j[1] if ok else j[2]
        return ['ok' if ok else 'error', None if t is None else rand_value(rng, t)]
    if k == 'flags':
        return [l for l in j[1] if rng.random() < 0.5]
    raise ValueError(j)


def to_py(j, v):
    """The spec's Python value for JSON value v of type j."""
    if isinstance(j, str):
        if j == 'f32':
            return f32_of_bits(v)
        if j == 'f64':
            return f64_of_bits(v)
        if j == 'char':
            return chr(v)
        if j == 'string':
            return host_string(v)
        return v
    k = j[0]
    if k == 'list':
        return [to_py(j[1], e) for e in v]
    if k == 'record':
        return {n: to_py(t, e) for (n, t), e in zip(j[1], v)}
    if k == 'tuple':
        return {str(i): to_py(t, e) for i, (t, e) in enumerate(zip(j[1], v))}
    if k == 'variant':
        t = dict((n, t) for n, t in j[1])[v[0]]
        return {v[0]: None if t is None else to_py(t, v[1])}
    if k == 'enum':
        return {v: None}
    if k == 'option':
        return {'none': None} if v is None else {'some': to_py(j[1], v[0])}
    if k == 'result':
        t = j[1] if v[0] == 'ok' else j[2]
        return {v[0]: None if t is None else to_py(t, v[1])}
    if k == 'flags':
        return {l: l in v for l in j[1]}
    raise ValueError(j)


def from_py(j, p):
    """The JSON value of the spec's Python value p (as lifted) of type j."""
    if isinstance(j, str):
        if j == 'bool':
            return bool(p)
        if j == 'f32':
            return bits_of_f32(p)
        if j == 'f64':
            return bits_of_f64(p)
        if j == 'char':
            return ord(p)
        if j == 'string':
            return p[0]
        return p
    k = j[0]
    if k == 'list':
        return [from_py(j[1], e) for e in p]
    if k == 'record':
        return [from_py(t, p[n]) for n, t in j[1]]
    if k == 'tuple':
        return [from_py(t, p[str(i)]) for i, t in enumerate(j[1])]
    if k == 'variant':
        [(n, e)] = p.items()
        t = dict((n2, t2) for n2, t2 in j[1])[n]
        return [n, None if t is None else from_py(t, e)]
    if k == 'enum':
        [n] = p.keys()
        return n
    if k == 'option':
        return None if 'none' in p else [from_py(j[1], p['some'])]
    if k == 'result':
        [(n, e)] = p.items()
        t = j[1] if n == 'ok' else j[2]
        return [n, None if t is None else from_py(t, e)]
    if k == 'flags':
        return [l for l in j[1] if p[l]]
    raise ValueError(j)

# ---------------------------------------------------------------- vectors


def flat_types(t):
    return S['flatten_type'](to_spec_type(t), S['LiftLowerOptions'](memory=S['MemInst'](bytearray(), 'i32')))


def flat_to_json(types, vals):
    out = []
    for ft, v in zip(types, vals):
        if ft == 'f32':
            out.append(bits_of_f32(v) if isinstance(v, float) else v)
        elif ft == 'f64':
            out.append(bits_of_f64(v) if isinstance(v, float) else v)
        else:
            out.append(v)
    return out


def flat_from_json(types, vals):
    out = []
    for ft, v in zip(types, vals):
        out.append(f32_of_bits(v) if ft == 'f32' else f64_of_bits(v) if ft == 'f64' else v)
    return out


def attempt(f):
    try:
        return f(), None
    except Trap:
        return None, 'trap'


vectors = []


def add(kind, **kw):
    vectors.append(dict(kind=kind, **kw))


def layout(t):
    st = to_spec_type(t)
    add('layout', type=t, alignment=S['alignment'](st, 'i32'), size=S['elem_size'](st, 'i32'),
        flat=flat_types(t))


def roundtrip_store(t, v, enc, mem_size=MEM_SIZE):
    st = to_spec_type(t)
    cx = Cx(enc, mem_size)
    ptr = 8
    assert ptr + S['elem_size'](st, 'i32') <= HEAP
    _, trap = attempt(lambda: S['store'](cx, to_py(t, v), st, ptr))
    vec = dict(type=t, value=v, encoding=enc, memorySize=mem_size, ptr=ptr, reallocs=cx.log)
    if trap:
        add('store', **vec, trap=True)
        return
    mem = cx.memory_hex()
    lifted = S['load'](cx, ptr, st)
    add('store', **vec, trap=False, memory=mem, lifted=from_py(t, lifted))


def roundtrip_flat(t, v, enc, mem_size=MEM_SIZE):
    st = to_spec_type(t)
    cx = Cx(enc, mem_size)
    flat, trap = attempt(lambda: S['lower_flat'](cx, to_py(t, v), st))
    vec = dict(type=t, value=v, encoding=enc, memorySize=mem_size, reallocs=cx.log)
    if trap:
        add('lower_flat', **vec, trap=True)
        return
    fts = flat_types(t)
    lifted = S['lift_flat'](cx, S['CoreValueIter'](flat), st)
    add('lower_flat', **vec, trap=False, flat=flat_to_json(fts, flat), memory=cx.memory_hex(),
        lifted=from_py(t, lifted))


def lift_flat(t, flat, enc='utf8', memory=()):
    st = to_spec_type(t)
    cx = Cx(enc)
    fresh_memory(cx, memory)
    fts = flat_types(t)
    v, trap = attempt(lambda: S['lift_flat'](cx, S['CoreValueIter'](flat_from_json(fts, flat)), st))
    add('lift_flat', type=t, flat=flat, encoding=enc, memory=memory, trap=bool(trap),
        lifted=None if trap else from_py(t, v))


def load(t, memory, ptr, enc='utf8', mem_size=MEM_SIZE):
    st = to_spec_type(t)
    cx = Cx(enc, mem_size)
    fresh_memory(cx, memory)
    v, trap = attempt(lambda: S['load'](cx, ptr, st))
    add('load', type=t, memory=memory, ptr=ptr, encoding=enc, memorySize=mem_size, trap=bool(trap),
        lifted=None if trap else from_py(t, v))


def store_string(s, src_enc, src_units, enc, mem_size=MEM_SIZE):
    cx = Cx(enc, mem_size)
    r, trap = attempt(lambda: S['store_string_into_range'](cx, (s, src_enc, src_units)))
    add('store_string', value=s, srcEncoding=src_enc, srcTaggedCodeUnits=src_units, encoding=enc,
        memorySize=mem_size, reallocs=cx.log, trap=bool(trap),
        result=None if trap else list(r), memory=None if trap else cx.memory_hex())


def functype(params, result):
    ft = S['FuncType']([[f'p{i}', to_spec_type(t)] for i, t in enumerate(params)],
                       [] if result is None else [to_spec_type(result)])
    opts = S['CanonicalOptions'](memory=S['MemInst'](bytearray(), 'i32'))
    lift = S['flatten_functype'](opts, ft, 'lift')
    lower = S['flatten_functype'](opts, ft, 'lower')
    add('functype', params=params, result=result,
        lift=dict(params=lift.params, results=lift.results),
        lower=dict(params=lower.params, results=lower.results))


def flat_values(ts, vs, max_flat, enc='utf8', out_param=False):
    sts = [to_spec_type(t) for t in ts]
    cx = Cx(enc)
    out = S['CoreValueIter']([512]) if out_param else None
    flat, trap = attempt(lambda: S['lower_flat_values'](cx, max_flat, [to_py(t, v) for t, v in zip(ts, vs)], sts, out))
    vec = dict(types=ts, values=vs, maxFlat=max_flat, encoding=enc, outParam=512 if out_param else None,
               reallocs=cx.log)
    if trap:
        add('lower_flat_values', **vec, trap=True)
        return
    fts = [ft for t in ts for ft in flat_types(t)]
    spilled = len(fts) > max_flat
    flat_json = flat if spilled else flat_to_json(fts, flat)
    lift_in = [512] if out_param and spilled else flat
    lifted = S['lift_flat_values'](cx, max_flat, S['CoreValueIter'](lift_in), sts)
    add('lower_flat_values', **vec, trap=False, flat=flat_json, memory=cx.memory_hex(),
        lifted=[from_py(t, v) for t, v in zip(ts, lifted)])


def lift_flat_values(ts, flat, max_flat, memory, enc='utf8', mem_size=MEM_SIZE):
    sts = [to_spec_type(t) for t in ts]
    cx = Cx(enc, mem_size)
    fresh_memory(cx, memory)
    vs, trap = attempt(lambda: S['lift_flat_values'](cx, max_flat, S['CoreValueIter'](flat), sts))
    add('lift_flat_values', types=ts, flat=flat, maxFlat=max_flat, memory=memory, encoding=enc,
        memorySize=mem_size, trap=bool(trap),
        lifted=None if trap else [from_py(t, v) for t, v in zip(ts, vs)])

class FakeStore:
    """canon_resource_drop calls a destructor through Store.lift/lower; here directly."""

    def lift(self, f, ft, opts, inst):
        return f

    def lower(self, callee, ft, opts, inst):
        return lambda args: callee(*args)


def handles(rng, steps):
    """A random sequence of handle operations on one instance (which implements resource type
    A, not B): resource.new/rep/drop, lowering and lifting own and borrow handles, and the end of
    the call that lent or borrowed them. It stops at the first trap, which ends the instance."""
    inst = S['ComponentInstance'](FakeStore())
    S['current_instance'] = lambda: inst
    dropped = []
    rts = {'A': S['ResourceType'](inst, lambda rep: dropped.append(rep) or []),
           'B': S['ResourceType'](S['ComponentInstance'](FakeStore()), lambda rep: dropped.append(rep) or [])}
    task = S['Task'](None, None, inst, None, lambda result: None)
    subtask = S['Subtask']()
    cx_task = S['LiftLowerContext'](S['LiftLowerOptions'](), inst, task)
    cx_sub = S['LiftLowerContext'](S['LiftLowerOptions'](), inst, subtask)
    ops = []
    for _ in range(steps):
        op = rng.choice(['new', 'new', 'rep', 'drop', 'drop', 'lower_own', 'lift_own', 'lower_borrow',
                         'lift_borrow', 'lift_borrow'] + (['end_subtask', 'end_task'] if len(ops) > 4 else []))
        live = [k for k, e in enumerate(inst.handles.array) if e is not None]
        i = rng.choice(live) if live and rng.random() < 0.85 else rng.randint(0, 5)
        h = inst.handles.array[i] if i < len(inst.handles.array) else None
        rt = rng.choice(['A', 'B'])
        if h is not None and rng.random() < 0.85:
            rt = 'A' if h.rt is rts['A'] else 'B'
        if len(ops) < 2:
            op, rt = 'new', 'AB'[len(ops)]
        rep = rng.randint(1, 1000)
        dropped.clear()
        def run():
            match op:
                case 'new':
                    return S['canon_resource_new'](rts[rt], rep)[0]
                case 'rep':
                    return S['canon_resource_rep'](rts[rt], i)[0]
                case 'drop':
                    S['canon_resource_drop'](rts[rt], i)
                    return list(dropped)
                case 'lower_own':
                    return S['lower_own'](cx_task, rep, S['OwnType'](rts[rt]))
                case 'lift_own':
                    return S['lift_own'](cx_task, i, S['OwnType'](rts[rt]))
                case 'lower_borrow':
                    return S['lower_borrow'](cx_task, rep, S['BorrowType'](rts[rt]))
                case 'lift_borrow':
                    return S['lift_borrow'](cx_sub, i, S['BorrowType'](rts[rt]))
                case 'end_subtask':
                    subtask.resolve(S['Subtask'].State.RETURNED, [])
                    subtask.deliver_resolve()
                    return None
                case 'end_task':
                    task.return_([])
                    return None
        result, trap = attempt(run)
        ops.append([op, rt, i if op in ('rep', 'drop', 'lift_own', 'lift_borrow') else rep,
                    'trap' if trap else result])
        if trap or op.startswith('end_'):
            break
    add('handles', implemented=['A'], ops=ops)

# ---------------------------------------------------------------- the suite


def main():
    rng = random.Random(20261125)

    # Layouts: every primitive, the spec's and the brief's examples, then random types.
    for p in PRIMS:
        layout(p)
    named = [
        ['record', [['a', 'u8'], ['b', 'u32'], ['c', 'u16']]],
        ['variant', [['a', 'f32'], ['b', 'u64']]],
        ['variant', [['a', 'f32'], ['b', 's32']]],
        ['variant', [['a', 'f64'], ['b', 'f32'], ['c', None]]],
        ['variant', [['a', ['tuple', ['u8', 'f32']]], ['b', ['tuple', ['f64', 'u32', 'string']]]]],
        ['enum', labels(rng, 256)], ['enum', labels(rng, 257)],
        ['option', 'u8'], ['option', 'f64'], ['option', ['option', 'u32']],
        ['result', None, None], ['result', 'string', 'u8'], ['result', None, 'u64'],
        ['flags', labels(rng, 1)], ['flags', labels(rng, 8)], ['flags', labels(rng, 9)],
        ['flags', labels(rng, 16)], ['flags', labels(rng, 17)], ['flags', labels(rng, 32)],
        ['tuple', ['u8', 'u64', 'u8']], ['list', ['tuple', ['u8', 'u16']]],
    ]
    for t in named:
        layout(t)
    for _ in range(80):
        layout(rand_type(rng, 3))

    # Round trips through memory and through flat values, every encoding.
    simple = [(p, v) for p in PRIMS for v in {json.dumps(rand_value(rng, p)): None for _ in range(4)}]
    for enc in ENCODINGS:
        for p, vs in simple:
            roundtrip_store(p, json.loads(vs), enc)
            roundtrip_flat(p, json.loads(vs), enc)
        for s in STRINGS:
            roundtrip_store('string', s, enc)
            roundtrip_flat(['list', 'string'], [s, s[::-1]], enc)
    for t in named[:5] + named[8:14] + named[14:20]:
        for _ in range(3):
            v = rand_value(rng, t)
            roundtrip_store(t, v, 'utf8')
            roundtrip_flat(t, v, 'utf8')
    for i in range(250):
        t = rand_type(rng, 3)
        v = rand_value(rng, t)
        enc = ENCODINGS[i % 3]
        roundtrip_store(t, v, enc)
        roundtrip_flat(t, v, enc)
    # A memory too small for what realloc returns.
    roundtrip_store('string', 'too long for this memory', 'utf8', mem_size=HEAP + 16)
    roundtrip_flat(['list', 'u64'], [1, 2, 3, 4, 5, 6], 'utf8', mem_size=HEAP + 40)

    # Strings: every source encoding into every destination encoding.
    for s in STRINGS:
        u16 = len(s.encode('utf-16-le')) // 2
        latin1 = all(ord(c) < 256 for c in s)
        sources = [('utf8', len(s.encode('utf-8'))), ('utf16', u16), ('latin1+utf16', u16 | (1 << 31))]
        if latin1:
            sources.append(('latin1+utf16', u16))
        for src_enc, units in sources:
            for enc in ENCODINGS:
                store_string(s, src_enc, units, enc)
    store_string('\u00e9' * 40, 'utf16', 40, 'utf8', mem_size=HEAP + 90)  # worst case past the end

    # Lifting from flat values: scalar types with arbitrary (also out-of-range) core values.
    for _ in range(200):
        t = rand_type(rng, 2, scalar_only=True)
        flat = []
        for ft in flat_types(t):
            if ft == 'i32':
                flat.append(rng.choice([0, 1, 2, 0xff, 0x1ff, 0xd800, 0x10ffff, 0x110000, 0xffffffff,
                                        rng.getrandbits(32)]))
            elif ft == 'i64':
                flat.append(rng.choice([0, 1, 0xffffffff, 1 << 32, (1 << 64) - 1, rng.getrandbits(64)]))
            elif ft == 'f32':
                flat.append(rng.choice([0, 0x7fc00001, 0xffc00000, 0x3f800000, rng.getrandbits(32)]))
            else:
                flat.append(rng.choice([0, 0x7ff0000000000001, 0xfff8000000000000, rng.getrandbits(64)]))
        lift_flat(t, flat)
    for t, flat in [
        ('bool', [2]), ('u8', [0x1ff]), ('s8', [0xff]), ('s16', [0x18000]), ('char', [0xd800]),
        ('char', [0xdfff]), ('char', [0x110000]), ('char', [0xffffffff]), ('char', [0x10ffff]),
        ('f32', [0x7f800001]), ('f64', [0xfff0000000000001]),
        (['variant', [['a', 'f32'], ['b', 'u64']]], [0, 0x7fc00005]),
        (['variant', [['a', 'f32'], ['b', 'u64']]], [0, 0xdeadbeef3f800000]),
        (['variant', [['a', 'f32'], ['b', 'u64']]], [1, 0xdeadbeef3f800000]),
        (['variant', [['a', 'f32'], ['b', 'u64']]], [2, 0]),
        (['enum', ['a', 'b', 'c']], [3]), (['option', 'u8'], [2, 0]), (['result', None, None], [2]),
        (['flags', labels(rng, 3)], [0xffffffff]),
    ]:
        lift_flat(t, flat)

    # Strings and lists lifted from guest memory: valid, malformed, misplaced.
    def lift_str(enc, data, length, ptr=HEAP):
        lift_flat('string', [ptr, length], enc, at(HEAP, data))
    for enc in ENCODINGS:
        for s in STRINGS:
            if enc == 'utf8':
                lift_str(enc, s.encode('utf-8'), len(s.encode('utf-8')))
            elif enc == 'utf16' or not all(ord(c) < 256 for c in s):
                units = len(s.encode('utf-16-le')) // 2
                lift_str(enc, s.encode('utf-16-le'), units | ((1 << 31) if enc != 'utf16' else 0))
            else:
                lift_str(enc, s.encode('latin-1'), len(s))
    lift_str('utf8', b'\xff', 1)  # invalid UTF-8
    lift_str('utf8', b'\xc0\x80', 2)  # overlong
    lift_str('utf8', b'\xed\xa0\x80', 3)  # an encoded surrogate
    lift_str('utf8', b'\xe6\x97', 2)  # truncated
    lift_str('utf16', b'\x00\xd8', 1)  # unpaired high surrogate
    lift_str('utf16', b'\x00\xdc\x41\x00', 2)  # unpaired low surrogate
    lift_str('latin1+utf16', b'\x00\xd8', 1 | (1 << 31))
    lift_str('latin1+utf16', b'\xe9\xff', 2)  # latin1 is always valid
    lift_str('utf8', b'abc', 3, ptr=MEM_SIZE - 2)  # out of bounds
    lift_str('utf8', b'abc', 3, ptr=0xffffffff)  # wraps around
    lift_str('utf16', b'abcd', 2, ptr=HEAP + 1)  # misaligned
    lift_str('latin1+utf16', b'ab', 2, ptr=HEAP + 1)  # misaligned (latin1 too)
    lift_str('utf8', b'', 1 << 28)  # beyond MAX_STRING_BYTE_LENGTH
    lift_str('utf16', b'', (1 << 27))  # 2^28 bytes
    lift_str('utf8', b'', 0, ptr=MEM_SIZE)  # empty at the very end is fine
    lift_str('utf8', b'', 0, ptr=MEM_SIZE + 1)

    def lift_list(t, data, length, ptr=HEAP):
        lift_flat(['list', t], [ptr, length], 'utf8', at(HEAP, data))
    lift_list('u8', b'\x01\x02\x03', 3)
    lift_list('u32', struct.pack('<III', 1, 2, 3), 3)
    lift_list('u32', b'', 3, ptr=HEAP + 2)  # misaligned
    lift_list('u32', b'', 256, ptr=HEAP)  # out of bounds
    lift_list('u64', b'', 1 << 25)  # 2^28 bytes: too long
    lift_list('u8', b'', 0, ptr=MEM_SIZE)
    lift_list('bool', b'\x00\x01\x07', 3)
    lift_list('char', struct.pack('<II', 0x41, 0xd800), 2)
    lift_list('string', struct.pack('<II', HEAP + 8, 2) + b'hi', 1)
    lift_list(['option', 'u8'], b'\x01\x07\x02\x00', 2)  # bad discriminant in the second

    # Loads of scalar types from arbitrary bytes (discriminants, chars, bools, NaNs).
    for _ in range(150):
        t = rand_type(rng, 2, scalar_only=True)
        size = S['elem_size'](to_spec_type(t), 'i32')
        data = bytes(rng.choice([0, 1, 2, 0xff, rng.getrandbits(8)]) for _ in range(size))
        load(t, at(HEAP, data), HEAP)
    load(['variant', [['a', 'u8'], ['b', None]]], at(HEAP, b'\x02'), HEAP)
    load(['enum', labels(rng, 300)], at(HEAP, b'\x2c\x01'), HEAP)  # 300: bad
    load(['enum', labels(rng, 300)], at(HEAP, b'\x2b\x01'), HEAP)  # 299: ok

    # Function types: flattening, spilling of params and results.
    functype([], None)
    functype(['u32', 'f32'], 'f64')
    functype(['string'], 'string')
    functype(['u64'] * 16, ['tuple', ['u8', 'u8']])
    functype(['u64'] * 17, None)
    functype([['record', [['a', 'string'], ['b', ['list', 'u8']]]]] * 4, ['result', 'u32', 'string'])
    functype([['variant', [['a', 'f32'], ['b', 'u64']]]], ['variant', [['a', 'f32'], ['b', 'u64']]])
    for _ in range(20):
        functype([rand_type(rng, 2) for _ in range(rng.randint(0, 6))], rand_type(rng, 2))

    # lower_flat_values / lift_flat_values: flat, spilled to realloc'd memory, through an out-param.
    for max_flat, out in [(16, False), (1, False), (1, True)]:
        flat_values(['u32'], [7], max_flat, out_param=out)
        flat_values(['string'], ['spilled'], max_flat, out_param=out)
        flat_values([['tuple', ['u8', 'u64']]], [[1, 2]], max_flat, out_param=out)
        flat_values(['u64'] * 17, list(range(17)), max_flat, out_param=out)
        flat_values(['f32', 'u8', 'string', ['list', 'u16']], [0x3f800000, 9, 'caf\u00e9', [1, 2]],
                    max_flat, enc='utf16', out_param=out)
        for _ in range(10):
            ts = [rand_type(rng, 2) for _ in range(rng.randint(1, 8))]
            flat_values(ts, [rand_value(rng, t) for t in ts], max_flat, out_param=out)
    lift_flat_values(['u64'] * 17, [HEAP], 16, at(HEAP, struct.pack('<' + 'Q' * 17, *range(17))))
    lift_flat_values(['u64'] * 17, [HEAP + 4], 16, [])  # misaligned spill pointer
    lift_flat_values(['u64'] * 17, [MEM_SIZE - 8], 16, [])  # out of bounds
    lift_flat_values(['u8', 'u8'], [HEAP], 1, at(HEAP, b'\x05\x06'))

    # Handle tables: own and borrow handles, resource.new/rep/drop, lends and borrows.
    for _ in range(120):
        handles(rng, rng.randint(3, 16))

    out = Path(__file__).resolve().parent.parent / 'resources' / 'abi' / 'vectors.json'
    out.parent.mkdir(parents=True, exist_ok=True)
    doc = {
        'about': 'Canonical ABI vectors computed by the Python definitions in CanonicalABI.md; '
                 'generated by testdata/abi-oracle/gen_vectors.py, do not edit.',
        'spec': 'WebAssembly/component-model@' + spec.revision(SPEC_DIR, REV),
        'heap': HEAP,
        'storePtr': 8,
        'memorySize': MEM_SIZE,
        'vectors': vectors,
    }
    with open(out, 'w') as f:
        f.write('{\n')
        for k in ['about', 'spec', 'heap', 'memorySize']:
            f.write(f'  {json.dumps(k)}: {json.dumps(doc[k])},\n')
        f.write('  "vectors": [\n')
        f.write(',\n'.join('    ' + json.dumps(v, ensure_ascii=True) for v in vectors))
        f.write('\n  ]\n}\n')
    kinds = {}
    for v in vectors:
        kinds[v['kind']] = kinds.get(v['kind'], 0) + 1
    print(f'{len(vectors)} vectors -> {out}: {kinds}')


main()
