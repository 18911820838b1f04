"""The wheel is the product: built from the sources, installed into a fresh virtualenv and run from outside
the source tree, the CLI trains the notebook's network and the app draws every pane (issue 9.4).

The fresh venv gets its dependencies (torch, PySide6, …) from this interpreter's site-packages through a
.pth file instead of downloading them: the same versions the suite runs with, in seconds. Paths in a .pth
are plain sys.path entries (the .pth files inside them, e.g. an editable install's finder, are not read), so
only the wheel provides `app`, `engine` and `resources`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SKIP = shutil.ignore_patterns(".git", ".venv", "build", "*.egg-info", "__pycache__", ".pytest_cache",
                              ".hypothesis", "tmp")
DEPS = ("torch", "PySide6", "shiboken6", "pyqtgraph", "numpy", "pygments")


def run(cmd, cwd, **env) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "QT_QPA_PLATFORM", "VIRTUAL_ENV")}
    return subprocess.run([str(c) for c in cmd], cwd=cwd, env={**clean, **env}, capture_output=True, text=True,
                          timeout=300)


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(venv folder, a working folder outside the source tree) with the freshly built wheel installed."""
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"  # a copy, so the build leaves nothing (build/, *.egg-info) in the working tree
    shutil.copytree(ROOT, src, ignore=SKIP)
    r = run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", ".",
             "-w", tmp / "dist"], cwd=src)
    assert r.returncode == 0, r.stderr
    (wheel,) = (tmp / "dist").glob("backprop_tutor-*.whl")

    env = tmp / "venv"
    venv.EnvBuilder(with_pip=False).create(env)
    python = env / "bin" / "python"
    purelib = run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], cwd=tmp)
    deps = sorted({str(Path(__import__(m).__file__).resolve().parents[1]) for m in DEPS})
    Path(purelib.stdout.strip(), "deps.pth").write_text("\n".join(deps) + "\n")
    r = run([sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "-q", wheel], cwd=tmp)
    assert r.returncode == 0, r.stderr
    work = tmp / "work"
    work.mkdir()
    return env, work


def test_the_wheel_ships_every_package_and_the_resources(installed):
    env, work = installed
    code = ("import os, app, engine.cli.main, app.views.practice.pane, app.models, resources\n"
            "from app.i18n import qm_path\n"
            "from app.views.practice.lesson import LESSONS\n"
            "from app.icons import app_icon_file\n"
            "for p in (app.__file__, qm_path('ko'), LESSONS, app_icon_file()):\n"
            "    print(os.path.exists(p), p)\n")
    r = run([env / "bin" / "python", "-c", code], cwd=work)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert len(lines) == 4
    for line in lines:  # every file found, inside the venv, none from the source tree
        assert line.startswith(f"True {env}"), line


def test_the_installed_cli_trains_the_notebooks_network(installed):
    env, work = installed
    r = run([env / "bin" / "python", "-m", "engine", "run", "--preset", "notebook-xor"], cwd=work)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[-1] == "done: epoch 10000, final loss 0.648675, accuracy 3/4 (75%)"


def test_the_installed_app_draws_every_pane(installed):
    env, work = installed
    r = run([env / "bin" / "backprop-tutor", "--preset", "notebook-xor", "--screenshot", "out.png"], cwd=work,
            QT_QPA_PLATFORM="offscreen")
    assert r.returncode == 0, r.stderr  # 1 when a pane could not be built (tests/app/test_broken_pane.py)
    assert "could not be built" not in r.stderr
    assert (work / "out.png").stat().st_size > 10_000

    r = run([env / "bin" / "backprop-tutor", "--lang", "ko", "--screenshot", "ko.png"], cwd=work,
            QT_QPA_PLATFORM="offscreen")
    assert r.returncode == 0, r.stderr


def test_the_installed_checker_judges_the_notebooks_cell(installed):
    env, work = installed
    cell = next(env.glob("lib/python*/site-packages/resources/lessons/notebook_cell.py"))
    r = run([env / "bin" / "python", "-m", "engine", "check", cell], cwd=work)
    assert r.returncode == 1, r.stderr  # the notebook's cell has mistakes
    lines = r.stdout.splitlines()
    assert "root mistake: d_loss (line 3)" in lines
    assert lines[-1].startswith("isolation: time_limit")  # what was in effect, said last


def test_an_editable_install_finds_the_resources_in_the_source_tree(tmp_path):
    """`make` installs with `pip install -e`: the same lookup must find the top-level resources/ folder."""
    src = tmp_path / "src"
    shutil.copytree(ROOT, src, ignore=SKIP)
    env = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env)
    python = env / "bin" / "python"
    purelib = run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], cwd=tmp_path)
    deps = sorted({str(Path(__import__(m).__file__).resolve().parents[1]) for m in DEPS})
    Path(purelib.stdout.strip(), "deps.pth").write_text("\n".join(deps) + "\n")
    r = run([sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-build-isolation", "-q",
             "-e", src], cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    code = ("from app.i18n import qm_path\nfrom app.views.practice.lesson import LESSONS\n"
            "from app.icons import app_icon_file\nprint(qm_path('ko')); print(LESSONS); print(app_icon_file())\n")
    r = run([python, "-c", code], cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == [str(src / "resources" / "i18n" / "ko.qm"), str(src / "resources" / "lessons"),
                                     str(src / "resources" / "icons" / "backprop-tutor.svg")]
