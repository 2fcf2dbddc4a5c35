"""Every CLI command is documented: in README.md and with a help text (sqlite-utils style)."""

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasd.cli import COMMANDS, cli
from rasd.cli.eval import EVALS
from rasd.cli.export import EXPORTS
from rasd.cli.train import TRAINERS

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_top_level_command_in_readme(name):
    assert re.search(rf"\brasd {re.escape(name)}\b", README), f"README does not show `rasd {name}`"


@pytest.mark.parametrize(
    "group,name",
    [("eval", n) for n in EVALS] + [("export", n) for n in EXPORTS]
    + [("train", n) for n in (*TRAINERS, "lexicon")],
)
def test_sub_command_in_readme(group, name):
    line = next((ln for ln in README.splitlines() if f"rasd {group} " in ln and name in ln), None)
    assert line, f"README does not mention `rasd {group} {name}`"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help(name):
    r = CliRunner().invoke(cli, [name, "--help"])
    assert r.exit_code == 0 and "Usage:" in r.output
    help_body = r.output.split("Usage:", 1)[1]
    assert len(help_body.split("Options:")[0].strip().splitlines()) >= 2, f"{name} has no help text"


@pytest.mark.parametrize("command,flag", [
    ("analyze", "--workers"), ("analyze", "--layers"), ("analyze", "--format jsonl"),
    ("ingest", "--workers"), ("ingest", "--batch-size"),
])
def test_speed_flags_in_readme(command, flag):
    """The flags of issue 17 are shown in the README's usage block, on their command's line."""
    assert any(f"rasd {command} " in ln and flag in ln for ln in README.splitlines()), (
        f"README does not show `rasd {command} … {flag}`")
