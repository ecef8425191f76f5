"""Mutation testing of sitrep's core modules: does some test fail when the code is changed?

For each module the harness parses the source with `ast`, lists every mutant of these kinds:

- compare:   a comparison operator flipped (< and <=, > and >=, == and !=, in and not in, is and is not)
- negate:    an if/while/ternary/comprehension condition negated
- number:    a numeric constant moved by +1 and by -1
- bool:      True and False swapped
- boolop:    `and` and `or` swapped
- arith:     + and - swapped (not where a string takes part)
- return:    a returned value replaced by None
- delete:    a statement inside a function replaced by `pass`

Strings are never mutated (so regular expressions are not), nor decorators, annotations,
docstrings or imports. A seeded sample of the mutants is drawn per module (`--sample 50 --seed
1`); each mutant runs the tests that executed its lines in a traced run of the module's tests
(a mutant on a module-level line runs all of them), in a subprocess whose import hook loads
the mutated source in place of the module: the real source file is never written. A mutant is
killed when a test fails (or the run times out), survives when the tests pass, and is
"uncovered" when no test runs its lines. Mutants judged equivalent (no input can tell them
apart from the original) are listed in EQUIVALENT with the reason and left out of the score.

Results are cached by mutated source and test files (~/.cache/sitrep/mutation.json), so an
interrupted run resumes and an unchanged mutant is not run again.

    .venv/bin/python benchmarks/mutation.py                      # every module, 50 mutants each
    .venv/bin/python benchmarks/mutation.py fuse counts -v       # some modules, each mutant shown
    .venv/bin/python benchmarks/mutation.py fuse --list          # the sampled mutants, not run
    .venv/bin/python benchmarks/mutation.py fuse --show 12       # one mutant's diff
"""

from __future__ import annotations

import argparse
import ast
import difflib
import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "sitrep"


@dataclass
class Target:
    tests: list[str]  # test files (missing ones are skipped)
    pytest_args: list[str] = field(default_factory=list)
    only: set[str] = field(default_factory=set)  # mutate only these functions (qualnames)
    skip: set[str] = field(default_factory=set)  # never mutate these functions


MODULES: dict[str, Target] = {
    "counts": Target(["tests/test_dates_counts.py", "tests/test_mutation_counts.py"]),
    "dates": Target(["tests/test_dates_counts.py", "tests/test_mutation_dates.py"]),
    "actors": Target(["tests/test_extract.py", "tests/test_mutation_actors.py"]),
    # the decision code: what the typer is asked and how its answers are read; training and
    # saving (fit, train, _save, _embed_cached) would retrain the model, so they are left out
    "learned": Target(["tests/test_learned.py", "tests/test_mutation_learned.py"],
                      only={"normalise", "load_training", "read_acled_training", "SentenceTyper._rows",
                            "SentenceTyper.probabilities", "SentenceTyper.decide", "active_path",
                            "_load", "published_scores"}),
    "resolve": Target(["tests/test_geo.py", "tests/test_mutation_resolve.py"]),
    "locate": Target(["tests/test_geo.py", "tests/test_mutation_locate.py"]),
    "fuse": Target(["tests/test_fuse.py", "tests/test_mutation_fuse.py"], ["-k", "not postgresql"]),
    "review": Target(["tests/test_review.py", "tests/test_mutation_review.py"], ["-k", "not postgresql"]),
    "alerts": Target(["tests/test_alerts.py", "tests/test_mutation_alerts.py"], ["-k", "not postgresql"]),
    "fetch": Target(["tests/test_fetch.py", "tests/test_mutation_fetch.py"]),
}
PATHS = {
    "counts": "extract/counts.py", "dates": "extract/dates.py", "actors": "extract/actors.py",
    "learned": "extract/learned.py", "resolve": "geo/resolve.py", "locate": "geo/locate.py",
    "fuse": "fuse.py", "review": "store/review.py", "alerts": "alerts.py", "fetch": "fetch.py",
}

# Mutants no test can kill because no input tells them from the original, by module and key
# (the key is printed for every survivor): the reason is published in docs/testing.md.
_NXT_UNREAD = "after 'beaten to death' the next word (nxt) is never read again"
_AND_SEARCH = ("the search for the number after ' and ' may start at the space, the 'd' or the number itself: "
               "the pattern's word boundary finds the same number from each")
EQUIVALENT: dict[str, dict[str, str]] = {
    "counts": {
        "side_of | number | 10 -> 11": "10**6 is only a start value above any match length (at most 60 "
                                       "characters are searched); 11**6 is one too",
        "extract_counts | number | 4 -> 5": _AND_SEARCH,
        "extract_counts | number | 4 -> 3": _AND_SEARCH,
        "extract_counts | number | 3 -> 4 #2": _NXT_UNREAD,
        "extract_counts | number | 3 -> 2 #2": _NXT_UNREAD,
        "extract_counts | number | 3 -> 4 #3": _NXT_UNREAD,
        "extract_counts | number | 3 -> 2 #3": _NXT_UNREAD,
    },
    "actors": {
        "ActorDictionary.resolve_name | delete | return None -> pass": "the function's last statement: "
                                                                      "falling off its end returns None too",
    },
    "resolve": {
        "GeoContext.focus | number | 1 -> 2 #2": "most_common(2)[0] is the same first country as most_common(1)[0]",
    },
    "locate": {
        "choose_event_place | number | 99.0 -> 100.0": "a start value below any score (scores stay above -10)",
        "_city_named | number | 0 -> 1": "an unknown population read as 0 or 1 is below the 5,000 threshold alike",
        "_agreed_country | number | 2 -> 3": "only the first two of most_common() are read: most_common(3) "
                                             "starts with the same two",
    },
    "fuse": {
        "same_event_score | number | 3 -> 2 #2": "the reports' vagueness must agree first: an old report "
                                                  "without a time precision is vague, so the new one's "
                                                  "precision is 3 (or missing, read as 3) and max(3, 2) is "
                                                  "max(3, 3)",
    },
    "alerts": {
        "post_webhook | bool | False -> True #5": "fetch follows redirects only for GET: a webhook is a POST, "
                                                  "so follow_redirects=True changes nothing",
    },
    "fetch": {
        "_read_body | delete | parts.append(rest) -> pass": "each chunk is inflated with room for one byte over the "
                                                            "cap, and a chunk that fills it raises TooLarge: a "
                                                            "chunk that returns inflates all its input, so the "
                                                            "final flush has nothing left and rest is always b''",
        "_target | number | 32 -> 33": "character 32 is the space, which the check just before refuses already",
    },
    "dates": {
        "_resolve | delete | return None -> pass #4": "without a publication date the if/elif chain ends there "
                                                      "and the date stays None, which returns None below",
        "_resolve | number | 0 -> -1 #15": "the weekday pattern has one group: g[-1] is g[0]",
        "_resolve | compare | published.month > 1 [Gt] -> GtE": "in January both branches give 1 January",
    },
}

_FLIP = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq,
         ast.NotEq: ast.Eq, ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot, ast.IsNot: ast.Is}
_DELETABLE = (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Expr, ast.Return, ast.Raise, ast.If, ast.For,
              ast.While, ast.With, ast.Try, ast.Continue, ast.Break, ast.Assert, ast.Delete)


@dataclass
class Mutant:
    node: int  # position of the mutated node in ast.walk order
    kind: str
    variant: int
    func: str  # the enclosing function's qualname, "<module>" outside functions
    line: int
    lines: tuple[int, int]  # lines whose execution means the mutant ran
    before: str
    after: str
    key: str = ""
    index: int = 0

    def label(self) -> str:
        return f"#{self.index} line {self.line} {self.kind}: {self.before} -> {self.after}"


def _has_str(node: ast.AST) -> bool:
    return any(isinstance(n, ast.JoinedStr) or (isinstance(n, ast.Constant) and isinstance(n.value, str))
               for n in ast.walk(node))


def _is_docstring(stmt: ast.stmt) -> bool:
    return isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant) and isinstance(stmt.value.value, str)


def _context(tree: ast.Module) -> tuple[dict[int, str], set[int], dict[int, ast.stmt]]:
    """Per node id: the enclosing function's qualname; the nodes never mutated (decorators,
    annotations, imports, docstrings, regex calls); the statement each expression belongs to."""
    func: dict[int, str] = {}
    frozen: set[int] = set()
    stmt_of: dict[int, ast.stmt] = {}

    def freeze(node: ast.AST | None) -> None:
        for n in ast.walk(node) if node is not None else ():
            frozen.add(id(n))

    def visit(node: ast.AST, qual: list[str], in_func: bool, stmt: ast.stmt | None) -> None:
        name = ".".join(qual) if in_func else "<module>"
        func[id(node)] = name
        if isinstance(node, ast.stmt):
            stmt = node
        if stmt is not None:
            stmt_of[id(node)] = stmt
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            for d in node.decorator_list:
                freeze(d)
            if not isinstance(node, ast.ClassDef):
                freeze(node.returns)
                for a in [*node.args.args, *node.args.kwonlyargs, *node.args.posonlyargs,
                          node.args.vararg, node.args.kwarg]:
                    if a is not None:
                        freeze(a.annotation)
            if node.body and _is_docstring(node.body[0]):
                freeze(node.body[0])
            is_func = not isinstance(node, ast.ClassDef)
            for child in ast.iter_child_nodes(node):
                visit(child, [*qual, node.name], in_func or is_func, stmt)
            return
        if isinstance(node, (ast.Import, ast.ImportFrom, ast.Global, ast.Nonlocal)):
            freeze(node)
        if isinstance(node, ast.AnnAssign):
            freeze(node.annotation)
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            freeze(node)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                isinstance(node.func.value, ast.Name) and node.func.value.id == "re":
            freeze(node)  # regular expressions and their flags are not mutated
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            freeze(node)
        for child in ast.iter_child_nodes(node):
            visit(child, qual, in_func, stmt)

    if tree.body and _is_docstring(tree.body[0]):
        freeze(tree.body[0])
    for child in tree.body:
        visit(child, [], False, None)
    return func, frozen, stmt_of


def _source(node: ast.AST) -> str:
    text = ast.unparse(node)
    return text if len(text) <= 70 else text[:67] + "..."


def _candidates(node: ast.AST) -> list[tuple[str, int, str]]:
    """(kind, variant, what it becomes) for one node."""
    out: list[tuple[str, int, str]] = []
    if isinstance(node, ast.Compare):
        for i, op in enumerate(node.ops):
            if type(op) in _FLIP:
                out.append(("compare", i, _FLIP[type(op)].__name__))
    elif isinstance(node, (ast.If, ast.While, ast.IfExp)):
        out.append(("negate", 0, "not (...)"))
    elif isinstance(node, ast.comprehension):
        out += [("negate", i, "not (...)") for i in range(len(node.ifs))]
    elif isinstance(node, ast.Constant) and isinstance(node.value, bool):
        out.append(("bool", 0, str(not node.value)))
    elif isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        out += [("number", 1, repr(node.value + 1)), ("number", -1, repr(node.value - 1))]
    elif isinstance(node, ast.BoolOp):
        out.append(("boolop", 0, "or" if isinstance(node.op, ast.And) else "and"))
    elif isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub)) and not _has_str(node):
        out.append(("arith", 0, "-" if isinstance(node.op, ast.Add) else "+"))
    if isinstance(node, ast.Return) and node.value is not None and not (
            isinstance(node.value, ast.Constant) and (node.value.value is None or isinstance(node.value.value, bool))):
        out.append(("return", 0, "return None"))
    return out


def _apply(tree: ast.Module, m: Mutant) -> None:
    nodes = list(ast.walk(tree))
    node = nodes[m.node]
    if m.kind == "delete":
        for parent in nodes:
            for name, value in ast.iter_fields(parent):
                if isinstance(value, list) and any(v is node for v in value):
                    value[[i for i, v in enumerate(value) if v is node][0]] = ast.Pass()
                    return
        raise RuntimeError(f"no parent for {m.label()}")
    if m.kind == "compare":
        node.ops[m.variant] = _FLIP[type(node.ops[m.variant])]()
    elif m.kind == "negate":
        if isinstance(node, ast.comprehension):
            node.ifs[m.variant] = ast.UnaryOp(ast.Not(), node.ifs[m.variant])
        else:
            node.test = ast.UnaryOp(ast.Not(), node.test)
    elif m.kind == "bool":
        node.value = not node.value
    elif m.kind == "number":
        node.value = node.value + m.variant
    elif m.kind == "boolop":
        node.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
    elif m.kind == "arith":
        node.op = ast.Sub() if isinstance(node.op, ast.Add) else ast.Add()
    elif m.kind == "return":
        node.value = ast.Constant(None)
    else:
        raise ValueError(m.kind)


def mutants(source: str, target: Target) -> list[Mutant]:
    """Every mutant of a module, in a fixed order."""
    tree = ast.parse(source)
    func, frozen, stmt_of = _context(tree)
    out: list[Mutant] = []
    seen: dict[str, int] = {}
    for i, node in enumerate(ast.walk(tree)):
        if id(node) in frozen or not hasattr(node, "lineno") and not isinstance(node, ast.comprehension):
            continue
        where = func.get(id(node), "<module>")
        if (target.only and where not in target.only) or where in target.skip:
            continue
        stmt = stmt_of.get(id(node))
        found = _candidates(node)
        if isinstance(node, _DELETABLE) and where != "<module>" and not _is_docstring(node) and not (
                isinstance(node, ast.Return) and "return" in {k for k, _, _ in found}):
            found.append(("delete", 0, "pass"))
        for kind, variant, after in found:
            anchor = node.iter if isinstance(node, ast.comprehension) else node
            if kind == "delete" or isinstance(node, (ast.If, ast.While)):
                head = node.test if isinstance(node, (ast.If, ast.While)) else \
                    node.iter if isinstance(node, ast.For) else node
                if isinstance(node, (ast.If, ast.While, ast.For, ast.With, ast.Try)):
                    lines = (node.lineno, getattr(head, "end_lineno", node.lineno) or node.lineno)
                else:
                    lines = (node.lineno, node.end_lineno or node.lineno)
            elif stmt is not None and not isinstance(stmt, (ast.If, ast.While, ast.For, ast.With, ast.Try,
                                                            ast.FunctionDef, ast.ClassDef)):
                lines = (stmt.lineno, stmt.end_lineno or stmt.lineno)
            else:
                lines = (anchor.lineno, anchor.end_lineno or anchor.lineno)
            if kind == "delete":
                before = _source(node).splitlines()[0]
            elif kind == "negate":
                before = _source(node.ifs[variant] if isinstance(node, ast.comprehension) else node.test)
            elif kind == "compare":
                before = f"{_source(node)} [{type(node.ops[variant]).__name__}]"
            else:
                before = _source(node)
            base = f"{where} | {kind} | {before} -> {after}"
            seen[base] = seen.get(base, 0) + 1
            key = base if seen[base] == 1 else f"{base} #{seen[base]}"
            out.append(Mutant(i, kind, variant, where, anchor.lineno, lines, before, after, key))
    for n, m in enumerate(out):
        m.index = n
    return out


def mutated_source(source: str, m: Mutant | None) -> str:
    tree = ast.parse(source)
    if m is not None:
        _apply(tree, m)
        ast.fix_missing_locations(tree)
    return ast.unparse(tree) + "\n"


def sample(all_mutants: list[Mutant], n: int, seed: int, module: str) -> list[Mutant]:
    if n <= 0 or n >= len(all_mutants):
        return list(all_mutants)
    rng = random.Random(f"{seed}:{module}")
    return sorted(rng.sample(all_mutants, n), key=lambda m: m.index)


# The hook that pytest loads (`-p _sitrep_mutation`): in "trace" mode it records which test
# ran which lines of the module; in "mutant" mode it imports the mutated source in its place.
HOOK = r'''
import importlib.abc
import importlib.util
import json
import os
import sys
import threading

import pytest

MODE = os.environ.get("SITREP_MUTATION_MODE")
NAME = os.environ.get("SITREP_MUTATION_MODULE", "")
ORIGIN = os.environ.get("SITREP_MUTATION_ORIGIN", "")

if MODE == "mutant":
    with open(os.environ["SITREP_MUTATION_SOURCE"], encoding="utf-8") as fh:
        SOURCE = fh.read()

    class _Loader(importlib.abc.Loader):
        def create_module(self, spec):
            return None

        def exec_module(self, module):
            module.__file__ = ORIGIN  # files beside it, and cache keys over it, are the real ones
            exec(compile(SOURCE, ORIGIN, "exec"), module.__dict__)

    class _Finder(importlib.abc.MetaPathFinder):
        def find_spec(self, fullname, path, target=None):
            if fullname != NAME:
                return None
            spec = importlib.util.spec_from_loader(fullname, _Loader(), origin=ORIGIN)
            spec.has_location = True
            return spec

    if NAME in sys.modules:
        raise RuntimeError(f"{NAME} was imported before the mutation hook")
    sys.meta_path.insert(0, _Finder())

elif MODE == "trace":
    HITS = {}
    CURRENT = ["<collect>"]
    _ours = {}

    def _local(frame, event, arg):
        if event == "line":
            HITS.setdefault(CURRENT[0], set()).add(frame.f_lineno)
        return _local

    def _global(frame, event, arg):
        fn = frame.f_code.co_filename
        mine = _ours.get(fn)
        if mine is None:
            mine = _ours[fn] = os.path.realpath(fn) == ORIGIN
        if mine:
            HITS.setdefault(CURRENT[0], set()).add(frame.f_lineno)
            return _local
        return None

    sys.settrace(_global)
    threading.settrace(_global)

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_protocol(item, nextitem):
        CURRENT[0] = item.nodeid
        yield
        CURRENT[0] = "<between>"

    def pytest_sessionfinish(session, exitstatus):
        sys.settrace(None)
        with open(os.environ["SITREP_MUTATION_TRACE"], "w", encoding="utf-8") as fh:
            json.dump({k: sorted(v) for k, v in HITS.items()}, fh)
'''


class Runner:
    """Runs pytest in a subprocess with the hook; never writes the real source."""

    def __init__(self, module: str, workdir: Path, verbose: bool = False, baseline: bool = False):
        self.module, self.workdir, self.verbose = module, workdir, verbose
        self.path = (SRC / PATHS[module]).resolve()
        self.name = "sitrep." + PATHS[module][:-3].replace("/", ".")
        self.target = MODULES[module]
        self.tests = [t for t in self.target.tests if (ROOT / t).exists()
                      and not (baseline and Path(t).name.startswith("test_mutation_"))]
        (workdir / "_sitrep_mutation.py").write_text(HOOK, encoding="utf-8")
        self.proc: subprocess.Popen | None = None

    def _env(self, mode: str, **extra: str) -> dict[str, str]:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(self.workdir), env.get("PYTHONPATH")) if p)
        env.update(SITREP_MUTATION_MODE=mode, SITREP_MUTATION_MODULE=self.name,
                   SITREP_MUTATION_ORIGIN=str(self.path), **extra)
        return env

    def pytest(self, args: list[str], env: dict[str, str], timeout: float) -> tuple[int | None, float, str]:
        """(exit code or None on timeout, seconds, output)"""
        cmd = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "_sitrep_mutation", "-q",
               "-x", "--no-header", "-o", "addopts=", *self.target.pytest_args, *args]
        started = time.monotonic()
        out = tempfile.TemporaryFile(dir=self.workdir)
        self.proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        try:
            code: int | None = self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            code = None
        finally:
            self.stop()
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
        out.close()
        return code, time.monotonic() - started, text

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.proc.wait()
        self.proc = None

    def trace(self) -> tuple[dict[str, set[int]], float]:
        """Which lines of the module each test runs, and how long the module's tests take."""
        out = self.workdir / "trace.json"
        code, seconds, text = self.pytest(["-p", "no:randomly", *self.tests],
                                          self._env("trace", SITREP_MUTATION_TRACE=str(out)), timeout=3600)
        tail = text[-3000:]
        if code != 0 or not out.exists():
            raise SystemExit(f"{self.module}: the tests fail without any mutant (exit {code}):\n{tail}")
        hits = {k: set(v) for k, v in json.loads(out.read_text(encoding="utf-8")).items()}
        return hits, seconds

    def run_mutant(self, source: str, tests: list[str], timeout: float) -> tuple[str, float, str]:
        src = self.workdir / "mutant.py"
        src.write_text(source, encoding="utf-8")
        code, seconds, text = self.pytest(tests, self._env("mutant", SITREP_MUTATION_SOURCE=str(src)), timeout)
        tail = text[-3000:]
        if code is None:
            return "timeout", seconds, tail
        if code == 0:
            return "survived", seconds, tail
        if code in (1, 2, 3):  # failed, interrupted (an import error), internal error
            return "killed", seconds, tail
        # the mutant broke the import of a test file (the whole output: with many tests selected,
        # one "found no collectors" line each pushes the collection error out of the tail)
        if code == 4 and "ERROR collecting" in text:
            return "killed", seconds, tail
        return "error", seconds, tail  # 4 usage, 5 no tests: the harness's fault


def _test_id(nodeid: str) -> str:
    """A test function's id without its parameters (safe on a command line)."""
    return nodeid.split("[", 1)[0]


def _cache_path() -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "sitrep" / "mutation.json"


def _digest(*parts: str | bytes) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(p if isinstance(p, bytes) else p.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()[:24]


def run_module(module: str, args: argparse.Namespace, cache: dict[str, dict]) -> dict:
    target = MODULES[module]
    source = (SRC / PATHS[module]).read_text(encoding="utf-8")
    every = mutants(source, target)
    chosen = sample(every, args.sample, args.seed, module)
    if args.only is not None:
        chosen = [m for m in every if m.index in args.only]
    if args.list:
        for m in chosen:
            print(f"{module:8} {m.label()}")
        return {}
    if args.show is not None:
        m = every[args.show]
        a, b = mutated_source(source, None), mutated_source(source, m)
        print(f"{module} {m.label()}\nkey: {m.key}")
        sys.stdout.writelines(difflib.unified_diff(a.splitlines(True), b.splitlines(True), "original", "mutant", n=2))
        return {}
    equivalent = EQUIVALENT.get(module, {})
    with tempfile.TemporaryDirectory(prefix="sitrep-mutation-") as tmp:
        runner = Runner(module, Path(tmp), args.verbose, args.baseline)
        try:
            test_text = b"".join((ROOT / t).read_bytes() for t in [*runner.tests, "tests/conftest.py"])
            hits, seconds = runner.trace()
            per_test = {}
            for nodeid, lines in hits.items():
                if "::" in nodeid:
                    per_test.setdefault(_test_id(nodeid), set()).update(lines)
            # the tests written against mutants first: fast, and -x stops at the first failure
            all_tests = sorted(per_test, key=lambda t: ("test_mutation_" not in t, t))
            timeout = args.timeout or max(30.0, 3 * seconds + 15)
            print(f"{module}: {len(every)} mutants, {len(chosen)} sampled; {len(all_tests)} tests "
                  f"({seconds:.0f} s traced), timeout {timeout:.0f} s", flush=True)
            # the unmutated source as the hook imports it must pass (ast.unparse loses nothing)
            status, _, tail = runner.run_mutant(mutated_source(source, None), all_tests, timeout * 2)
            if status != "survived":
                raise SystemExit(f"{module}: the tests fail on the unparsed original ({status}):\n{tail}")
            results = []
            for m in chosen:
                span = set(range(m.lines[0], m.lines[1] + 1))
                if m.func == "<module>":
                    tests = all_tests
                else:
                    tests = [t for t in all_tests if per_test[t] & span]
                text = mutated_source(source, m)
                ckey = _digest(module, text, *sorted(tests), test_text)
                if not tests:
                    status, took = "uncovered", 0.0
                elif ckey in cache and not args.fresh:
                    status, took = cache[ckey]["status"], 0.0
                else:
                    status, took, tail = runner.run_mutant(text, tests, timeout)
                    if status == "error":
                        print(f"  harness error on {m.label()}:\n{tail}", file=sys.stderr)
                    else:
                        cache[ckey] = {"status": status, "key": m.key}
                        _save_cache(cache)
                eq = m.key in equivalent
                results.append({"index": m.index, "line": m.line, "kind": m.kind, "key": m.key,
                                "status": status, "equivalent": eq, "tests": len(tests)})
                if args.verbose or (status in ("survived", "uncovered") and not eq):
                    mark = " (equivalent)" if eq else ""
                    print(f"  {status:9} {m.label()}  [{len(tests)} tests, {took:.1f} s]{mark}\n"
                          f"            key: {m.key}", flush=True)
        finally:
            runner.stop()
    killed = sum(r["status"] in ("killed", "timeout") for r in results)
    eq = sum(r["equivalent"] and r["status"] not in ("killed", "timeout") for r in results)
    total = len(results)
    scored = total - eq
    return {"module": PATHS[module], "mutants": len(every), "sampled": total, "killed": killed,
            "survived": sum(r["status"] == "survived" for r in results),
            "uncovered": sum(r["status"] == "uncovered" for r in results),
            "errors": sum(r["status"] == "error" for r in results), "equivalent": eq,
            "score": killed / total if total else 1.0,
            "score_non_equivalent": killed / scored if scored else 1.0, "results": results}


_CACHE_FILE: Path | None = None


def _save_cache(cache: dict) -> None:
    if _CACHE_FILE is None:
        return
    _CACHE_FILE.parent.mkdir(parents=True, exist_ok=True)
    tmp = _CACHE_FILE.with_suffix(".tmp")
    tmp.write_text(json.dumps(cache, indent=0), encoding="utf-8")
    tmp.replace(_CACHE_FILE)


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    global _CACHE_FILE
    signal.signal(signal.SIGTERM, _interrupt)  # `kill` and a stopped make: clean up as on Ctrl-C
    signal.signal(signal.SIGINT, _interrupt)  # even when started in the background
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("modules", nargs="*", choices=[[], *MODULES], metavar="MODULE",
                   help=f"modules to mutate (default: all): {', '.join(MODULES)}")
    p.add_argument("--sample", type=int, default=50, help="mutants per module (0: all); default 50")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--timeout", type=float, default=0, help="seconds per mutant (default: 3x the tests' time + 15)")
    p.add_argument("--only", type=lambda s: {int(x) for x in s.split(",")}, help="run these mutant numbers")
    p.add_argument("--list", action="store_true", help="list the sampled mutants and stop")
    p.add_argument("--show", type=int, help="print one mutant's diff and stop")
    p.add_argument("--fresh", action="store_true", help="ignore cached results")
    p.add_argument("--baseline", action="store_true",
                   help="leave out the tests written against mutants (tests/test_mutation_*.py): the score before them")
    p.add_argument("--cache", type=Path, default=_cache_path())
    p.add_argument("--json", type=Path, help="write the results here")
    p.add_argument("--min-score", type=float, default=0.0,
                   help="exit 1 when a module's score without equivalent mutants is below this (0-1)")
    p.add_argument("-v", "--verbose", action="store_true", help="show every mutant, not only survivors")
    args = p.parse_args(argv)
    modules = args.modules or list(MODULES)
    _CACHE_FILE = args.cache
    cache = {}
    if args.cache.exists() and not args.fresh:
        try:
            cache = json.loads(args.cache.read_text(encoding="utf-8"))
        except ValueError:
            cache = {}
    summaries = []
    try:
        for module in modules:
            s = run_module(module, args, cache)
            if s:
                summaries.append(s)
    except KeyboardInterrupt:
        print("\ninterrupted: the source files are untouched; finished mutants are cached", file=sys.stderr)
        return 130
    if not summaries:
        return 0
    print(f"\n{'module':22} {'killed':>7} {'of':>4} {'survived':>9} {'uncovered':>10} {'equiv':>6} "
          f"{'score':>6} {'non-eq':>7}")
    for s in summaries:
        print(f"{s['module']:22} {s['killed']:7} {s['sampled']:4} {s['survived']:9} {s['uncovered']:10} "
              f"{s['equivalent']:6} {s['score']:6.0%} {s['score_non_equivalent']:7.0%}")
    if args.json:
        args.json.write_text(json.dumps(summaries, indent=1), encoding="utf-8")
    low = [s["module"] for s in summaries if s["score_non_equivalent"] < args.min_score]
    if low:
        print(f"below {args.min_score:.0%}: {', '.join(low)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
