"""The layering of the package, and the installed wheel."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_engine_modules_import_without_ui_or_exporters():
    code = (
        "import sys\n"
        "import engine.validation.validator, engine.responses.skeleton, engine.conditions.applicability\n"
        "import engine.report.aggregate, engine.report.listing\n"
        "bad = [m for m in sys.modules if m.split('.')[0] == 'textual' or m.startswith(('engine.export', 'engine.cli', 'engine.ui'))]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_consultation_and_imports_respect_the_layers():
    """Split, merge and diff are engine (no exporter, UI or command line); reading forms back is an edge, like exporting."""
    code = (
        "import sys\n"
        "import engine.consultation.split, engine.consultation.merge, engine.consultation.diff, engine.consultation.assignment\n"
        "bad = [m for m in sys.modules if m.startswith(('engine.export', 'engine.imports', 'engine.cli', 'engine.ui', 'textual', 'docx'))]\n"
        "assert not bad, bad\n"
        "import engine.imports.form\n"
        "bad = [m for m in sys.modules if m.startswith(('engine.cli', 'engine.ui', 'textual'))]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_no_eval_or_exec_in_the_engine():
    for path in (ROOT / "engine").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "eval(" not in text and "exec(" not in text, path


def test_installed_command_finds_its_questionnaires_from_any_directory(tmp_path):
    """The README installs the package (not editable): its data must ship inside the wheel."""
    command = shutil.which("untoc", path=str(Path(sys.executable).parent))
    assert command, "untoc is not installed in this environment; follow the README's test command"
    run = subprocess.run([command, "list"], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert "cluster4  Cluster IV" in run.stdout
    blank = subprocess.run(
        [command, "export", "blank", "--cluster", "2", "--format", "txt"], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert blank.stdout.startswith("Annex IV")
    status = subprocess.run([command, "i18n", "status"], cwd=tmp_path, capture_output=True, text=True, check=True)
    french = next(line for line in status.stdout.splitlines() if line.startswith("fr ") and "interface" in line).split()
    assert int(french[3]) > 100 and french[5] == "0"  # the catalogs ship with the wheel
    check = subprocess.run([command, "i18n", "check", "--lang", "fr"], cwd=tmp_path, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr  # and so does locales/terminology.yaml
    messages = subprocess.run(
        [command, "validate", "--lang", "fr", str(ROOT / "examples" / "broken" / "cluster1-with-errors.yaml")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert messages.returncode == 1 and "ne s’applique que si" in messages.stdout


def test_the_gettext_alias_is_never_rebound():
    """``_`` is gettext wherever it is imported: a loop variable named ``_`` would shadow it."""
    import ast

    for path in (ROOT / "engine").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imports_gettext = any(
            isinstance(node, ast.ImportFrom) and node.module == "engine.i18n" and any(alias.name == "_" for alias in node.names)
            for node in ast.walk(tree)
        )
        if not imports_gettext:
            continue
        for node in ast.walk(tree):
            targets = []
            if isinstance(node, (ast.For, ast.comprehension)):
                targets = [node.target]
            elif isinstance(node, ast.Assign):
                targets = node.targets
            elif isinstance(node, (ast.With, ast.AsyncWith)):
                targets = [item.optional_vars for item in node.items if item.optional_vars]
            for target in targets:
                names = [n.id for n in ast.walk(target) if isinstance(n, ast.Name)]
                assert "_" not in names, f"{path}:{node.lineno}: '_' rebinds gettext"
