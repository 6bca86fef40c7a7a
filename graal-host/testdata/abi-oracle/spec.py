"""Loads the canonical ABI's reference definitions out of the spec itself.

The Python in CanonicalABI.md's ```python blocks is the spec's definition of the canonical ABI;
definitions.py holds the same blocks (checked by the spec repository's diff.py) after a
boilerplate of type classes. We take the boilerplate from definitions.py (up to '# START') and
every code block from CanonicalABI.md, and exec them into one namespace.
"""
import re
import subprocess
import sys
import types
from pathlib import Path

MD = 'design/mvp/CanonicalABI.md'
DEFS = 'design/mvp/canonical-abi/definitions.py'


def _read(spec: Path, rev: str, path: str) -> str:
    if (spec / path).exists():
        return (spec / path).read_text()
    # a bare git directory, e.g. the fetch tool's mirror
    return subprocess.run(['git', '--git-dir', str(spec), 'show', f'{rev}:{path}'],
                          check=True, capture_output=True, text=True).stdout


def revision(spec: Path, rev: str) -> str:
    git_dir = spec / '.git' if (spec / '.git').exists() else spec
    return subprocess.run(['git', '--git-dir', str(git_dir), 'rev-parse', rev],
                          check=True, capture_output=True, text=True).stdout.strip()


def load(spec: Path, rev: str = 'HEAD') -> dict:
    defs = _read(spec, rev, DEFS)
    boilerplate = defs[:defs.index('# START')]
    md = _read(spec, rev, MD)
    blocks = re.findall(r'```python\n(.*?)```', md, re.DOTALL)
    module = types.ModuleType('canonical_abi_spec')
    sys.modules[module.__name__] = module  # dataclasses look their module up
    ns = module.__dict__
    exec(compile(boilerplate, DEFS, 'exec'), ns)
    code = 'from __future__ import annotations\n' + '\n'.join(blocks)
    exec(compile(code, MD, 'exec'), ns)
    ns['DETERMINISTIC_PROFILE'] = True  # NaNs are stored canonical, as wasidl does
    return ns
