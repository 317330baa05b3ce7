"""The packaged desktop app (`make package`): build it with PyInstaller from packaging/annotator.spec and
start the binary offscreen with --smoke-test, in English and in Arabic.

Marked slow: about a minute on two cores (`make test-package` runs only this). `make test` runs it too,
since the whole suite with it stays near 4 minutes; `make` installs the `package` extra (PyInstaller)
it needs, and it is skipped where that extra is not installed.

"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def packaged_app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("PyInstaller", reason="install the package extra: pip install -e '.[package]'")
    build = tmp_path_factory.mktemp("package")
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", str(build / "dist"),
                    "--workpath", str(build / "work"), str(ROOT / "packaging" / "annotator.spec")],
                   check=True, capture_output=True, cwd=build)
    return build / "dist" / "annotator"


def smoke_test(app: Path, tmp_path: Path, *args: str) -> Path:
    """Run the binary with --smoke-test; the picture it reports saving."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path),
           "XDG_DATA_HOME": str(tmp_path / "users-data")}
    result = subprocess.run([str(app / "annotator"), "--smoke-test", *args], env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    picture = Path(result.stdout.strip().splitlines()[-1])
    assert picture.is_relative_to(tmp_path) and picture.is_file()
    assert not (tmp_path / "users-data").exists()  # the user's data folder is left alone
    return picture


def test_packaged_app_bundles_qt_plugins_font_translations_and_seeds(packaged_app: Path) -> None:
    bundled = packaged_app / "_internal"
    assert (packaged_app / "annotator").is_file()
    assert list(bundled.rglob("platforms/libqoffscreen.so")) and list(bundled.rglob("platforms/libqxcb.so"))
    assert (bundled / "annotator" / "resources" / "fonts" / "Amiri-Regular.ttf").is_file()
    assert (bundled / "annotator" / "resources" / "translations" / "annotator_ar.qm").is_file()
    assert len(list((bundled / "annotator" / "seeds").glob("*.txt"))) == 5


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_packaged_app_starts_and_renders_its_window(qapp, packaged_app: Path, tmp_path: Path,
                                                   lang: str) -> None:
    from PySide6.QtGui import QImage

    picture = smoke_test(packaged_app, tmp_path, "--lang", lang)
    image = QImage(str(picture))
    assert (image.width(), image.height()) == (1280, 820)
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 50  # a real window with text and label buttons, not an empty frame
    assert (picture.parent / "data" / "annotator" / "default-project.sqlite").is_file()
