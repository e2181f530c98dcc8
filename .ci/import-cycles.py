#!/usr/bin/env python3
"""Lists the import cycles between the app's source files.

A file depends on another when it names it in a path (`use crate::a::b`,
`super::x::y`, `crate::a::b::f(...)`, `self::x::f`). Files in one strongly
connected component of that graph, bigger than one file, form a cycle.
`mod x;` declarations are not dependencies; paths through them are. Exits 1
when there is a cycle, so `make lint` catches new ones.

usage: import-cycles.py [SRC_DIR]   (default app/src)
"""
import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else "app/src"


def module_of(path):
    rel = os.path.relpath(path, root)[:-3].split(os.sep)
    if rel[-1] in ("mod", "lib", "main"):
        rel = rel[:-1]
    return tuple(rel)


files = {}
for dirpath, _, names in os.walk(root):
    for n in names:
        if n.endswith(".rs"):
            p = os.path.join(dirpath, n)
            files[module_of(p)] = p


def resolve(segments):
    """The longest module prefix of `segments` that is a file."""
    for i in range(len(segments), 0, -1):
        if tuple(segments[:i]) in files:
            return tuple(segments[:i])
    return None


def strip_comments(src):
    src = re.sub(r"//[^\n]*", "", src)
    return re.sub(r"/\*.*?\*/", "", src, flags=re.S)


PATH = re.compile(r"\b((?:crate|super|self)(?:::[A-Za-z_][A-Za-z0-9_]*|::\{)+)")
USE_GROUP = re.compile(r"\buse\s+((?:crate|super|self)[^;]*);", re.S)


def expand(base, group):
    """`a::{b, c::{d}}` -> [a::b, a::c::d] (best effort)."""
    out = []
    depth, start, parts = 0, 0, []
    for i, ch in enumerate(group):
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(group[start:i])
            start = i + 1
    parts.append(group[start:])
    for part in parts:
        part = part.strip()
        if not part:
            continue
        m = re.match(r"^([^{]*?)(?:::)?\{(.*)\}$", part, re.S)
        if m:
            out += expand(base + [s for s in m.group(1).split("::") if s], m.group(2))
        else:
            name = part.split(" as ")[0].strip()
            out.append(base + [s for s in name.split("::") if s])
    return out


def absolute(mod, segs, is_mod_rs):
    here = list(mod) if is_mod_rs else list(mod[:-1])
    # `super` from a file `a/b.rs` (module a::b) means module a; from `a/mod.rs` (module a), the parent of a.
    out = None
    while segs and segs[0] in ("super", "self"):
        if segs[0] == "self":
            out = list(mod)
        else:
            base = out if out is not None else list(mod)
            out = base[:-1]
        segs = segs[1:]
    if out is None:
        return None
    return out + segs


graph = {m: set() for m in files}
for mod, path in files.items():
    is_mod_rs = os.path.basename(path) in ("mod.rs", "lib.rs")
    src = strip_comments(open(path, encoding="utf-8").read())
    # Unit tests sit at the end of a file, in `mod tests`, where `super` is
    # the file itself: what they use is not a dependency of the module.
    src = re.split(r"#\[cfg\(test\)\]\s*mod \w+\s*\{", src)[0]
    targets = []
    for m in USE_GROUP.finditer(src):
        targets += expand([], m.group(1).replace("\n", " "))
    for m in PATH.finditer(src):
        segs = [s for s in m.group(1).split("::") if s and s != "{"]
        targets.append(segs)
    for segs in targets:
        if not segs:
            continue
        if segs[0] == "crate":
            full = segs[1:]
        else:
            full = absolute(mod, segs, is_mod_rs)
            if full is None:
                continue
        t = resolve(full)
        if t is None or t == mod:
            continue
        graph[mod].add(t)

# Tarjan's strongly connected components.
index, low, stack, on, sccs = {}, {}, [], set(), []
counter = [0]
sys.setrecursionlimit(10000)


def visit(v):
    index[v] = low[v] = counter[0]
    counter[0] += 1
    stack.append(v)
    on.add(v)
    for w in graph[v]:
        if w not in index:
            visit(w)
            low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop()
            on.discard(w)
            comp.append(w)
            if w == v:
                break
        if len(comp) > 1:
            sccs.append(comp)


for v in graph:
    if v not in index:
        visit(v)

for comp in sorted(sccs, key=len, reverse=True):
    print("cycle: " + ", ".join(sorted("/".join(c) or "lib" for c in comp)))
print(f"{len(sccs)} import cycles among {len(files)} files")
sys.exit(1 if sccs else 0)
