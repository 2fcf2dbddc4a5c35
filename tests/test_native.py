"""The mypyc-compiled extractors and their pure-Python sources give the same documents.

Compilation must change speed only.  mypyc does differ from CPython where the type annotations
are wrong (it checks them at run time) or where a checker narrows an attribute that a call has
since changed; comparing both builds on real articles is what catches that.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rasd import native

ROOT = Path(__file__).resolve().parent.parent

# analyses every bundled article and every evaluation text, prints {path: document JSON}
_DUMP = r"""
import json, sys
from pathlib import Path
import rasd
from rasd.native import status
paths = [Path(p) for p in sys.argv[1:]]
out = {"status": status(), "docs": {}}
texts = {str(p): p.read_text(encoding="utf-8") for p in paths}
texts["all, as one long document"] = "\n\n".join(texts.values())
for name, text in texts.items():
    doc = rasd.analyze(text, rasd.Meta(published="2023-05-01"))
    out["docs"][name] = doc.to_dict()
print(json.dumps(out, ensure_ascii=False, sort_keys=True))
"""


def _texts() -> list[str]:
    paths = sorted((ROOT / "samples").glob("*.txt"))
    paths += sorted((ROOT / "eval").rglob("*.txt"))
    # eval/ner holds byte-identical copies of eval/quotes/heldout texts: analyse each text once
    unique = {p.read_bytes(): p for p in reversed(paths)}
    return sorted(str(p) for p in unique.values())


def _dump(pure: bool) -> dict:
    env = dict(os.environ, PYTHONHASHSEED="0")
    env.pop(native.PURE_ENV, None)
    if pure:
        env[native.PURE_ENV] = "1"
    res = subprocess.run([sys.executable, "-c", _DUMP, *_texts()], env=env, capture_output=True,
                         text=True, timeout=600)
    assert res.returncode == 0, res.stderr[-3000:]
    return json.loads(res.stdout)


def test_guard_reads_the_sources_when_asked(tmp_path):
    # a package folder with a "compiled" module whose source differs from the manifest
    pkg = tmp_path / "pkgx"
    pkg.mkdir()
    (pkg / "mod.py").write_text("WHO = 'source'\n", encoding="utf-8")
    import importlib.machinery

    (pkg / f"mod{importlib.machinery.EXTENSION_SUFFIXES[0]}").write_bytes(b"not a library")
    (pkg / native.MANIFEST).write_text(json.dumps({"mod": "0" * 64}), encoding="utf-8")
    assert native.guard("pkgx", pkg, ("mod",)) == {"mod": "stale"}
    (pkg / native.MANIFEST).write_text(
        json.dumps({"mod": native.source_hash(pkg / "mod.py")}), encoding="utf-8")
    assert native.guard("pkgx", pkg, ("mod",)) == {"mod": "compiled"}
    (pkg / f"mod{importlib.machinery.EXTENSION_SUFFIXES[0]}").unlink()
    assert native.guard("pkgx", pkg, ("mod",)) == {"mod": "pure"}



def test_guard_understands_modules_of_a_subpackage(tmp_path, monkeypatch):
    # "sub/mod" names pkgy.sub.mod: a stale build of it is bypassed for its source file
    import importlib
    import importlib.machinery
    import sys

    pkg = tmp_path / "pkgy"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "sub" / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "sub" / "mod.py").write_text("WHO = 'source'\n", encoding="utf-8")
    (pkg / "sub" / f"mod{importlib.machinery.EXTENSION_SUFFIXES[0]}").write_bytes(b"not a library")
    (pkg / native.MANIFEST).write_text(json.dumps({"sub/mod": "0" * 64}), encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))
    assert native.guard("pkgy", pkg, ("sub/mod",)) == {"sub/mod": "stale"}
    assert importlib.import_module("pkgy.sub.mod").WHO == "source"
    for name in ("pkgy.sub.mod", "pkgy.sub", "pkgy"):
        sys.modules.pop(name, None)

@pytest.mark.slow
def test_compiled_and_pure_python_agree():
    compiled = _dump(pure=False)
    if set(compiled["status"].values()) != {"compiled"}:
        pytest.skip(f"extractors not compiled in this install: {native.describe()}")
    pure = _dump(pure=True)
    assert set(pure["status"].values()) == {"forced-pure"}
    assert len(compiled["docs"]) > 100
    for name, doc in compiled["docs"].items():
        other = pure["docs"][name]
        for layer in sorted(set(doc["layers"]) | set(other["layers"])):
            assert doc["layers"].get(layer) == other["layers"].get(layer), (name, layer)
        assert doc == other, name


def test_build_files_compile_the_guarded_modules():
    # setup.py (which cannot import the package) and the Makefile name the same modules
    import ast

    setup = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    make = (ROOT / "Makefile").read_text(encoding="utf-8")
    listed = [ast.literal_eval(n.value) for n in setup.body if isinstance(n, ast.Assign)
              and any(getattr(t, "id", "") == "COMPILED" for t in n.targets)]
    assert listed == [native.COMPILED]
    assert "foreach m," + " ".join(native.COMPILED) + "," in make


def test_version_says_which_build_runs():
    from click.testing import CliRunner

    from rasd.cli import cli

    out = CliRunner().invoke(cli, ["--version"])
    assert out.exit_code == 0
    assert out.output.startswith("rasd, version ")
    assert native.describe() in out.output
