"""Rules and gazetteers are data files found through importlib.resources, validated on load."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile

import pytest

from asem_extract.dates import DateFinder
from asem_extract.errors import ResourceError
from asem_extract.gazetteer import Gazetteer, load_organisations, load_places
from asem_extract.resources import resource_root

from .conftest import ROOT


def test_bundled_resources_load():
    gaz = Gazetteer(str.split)
    load_organisations(gaz)
    load_places(gaz)
    assert gaz.lookup("OMD").canonical == "Organisation mondiale des douanes"
    assert gaz.lookup("Ha Noi").canonical == "Hanoï"
    assert gaz.lookup("Quảng Ninh").kind == "province"
    assert gaz.lookup("Allemagne").code == "DE"


def test_broken_tsv_names_file_line_and_field(tmp_path):
    shutil.copytree(resource_root(), tmp_path / "res")
    path = tmp_path / "res" / "gazetteers" / "organisations.tsv"
    path.write_text(path.read_text(encoding="utf-8") + "Bad Org\tBO\tspaceship\n", encoding="utf-8")
    with pytest.raises(ResourceError) as err:
        load_organisations(Gazetteer(str.split), tmp_path / "res")
    n_lines = len(path.read_text(encoding="utf-8").splitlines())
    assert f"organisations.tsv:{n_lines}" in str(err.value) and "[kind]" in str(err.value)


def test_broken_json_names_file_and_key(tmp_path):
    shutil.copytree(resource_root(), tmp_path / "res")
    path = tmp_path / "res" / "fr" / "calendar.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["months"]["janvier"] = "one"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ResourceError) as err:
        DateFinder(tmp_path / "res")
    assert "calendar.json" in str(err.value) and "[months]" in str(err.value)


def test_installed_wheel_ships_the_resources(tmp_path):
    """Build a wheel from a copy of the project and check that it holds every resource file."""
    src = tmp_path / "src-copy"
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(".venv", ".git", "out", "build", "*.egg-info", "__pycache__",
                                                             "corpus", "gold", "notebooks"))
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(tmp_path),
                           str(src)], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    wheel = next(tmp_path.glob("asem_extract-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for f in resource_root().rglob("*"):
        if f.is_file():
            assert f"asem_extract/resources/{f.relative_to(resource_root()).as_posix()}" in names
    assert any(n.endswith("entry_points.txt") for n in names)
    entry_points = next(zipfile.ZipFile(wheel).read(n).decode() for n in names if n.endswith("entry_points.txt"))
    assert "[spacy_factories]" in entry_points and "asem_dates" in entry_points
