"""The apps import one another downwards only, as docs/ARCHITECTURE.md draws them."""

from pathlib import Path

from importlinter.cli import lint_imports

PYPROJECT = Path(__file__).resolve().parents[3] / "pyproject.toml"


def test_every_import_contract_in_pyproject_is_kept(capsys):
    exit_code = lint_imports(
        config_filename=str(PYPROJECT), no_cache=True, no_logo=True
    )
    assert exit_code == 0, capsys.readouterr().out
