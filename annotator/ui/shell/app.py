"""QApplication set-up: the bundled Arabic font, application identity, interface language, the main window."""

from __future__ import annotations

import os
import sys
import tempfile
from importlib.resources import as_file, files
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, Qt, QTimer, QTranslator
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.core.errors import AnnotatorError
from annotator.store import Project
from annotator.ui.shell.languages import LANGUAGES, RIGHT_TO_LEFT_LANGUAGES
from annotator.ui.shell.projects import remember_project

ARABIC_FONT_FAMILY = "Amiri"
LANGUAGE_KEY = "view/language"
SMOKE_TEST_PICTURE = "main-window.png"


def load_bundled_fonts() -> str:
    """Register the bundled Amiri font files; returns the family name to use for article text."""
    fonts = files("annotator.resources").joinpath("fonts")
    family = ARABIC_FONT_FAMILY
    for entry in fonts.iterdir():
        if entry.name.endswith(".ttf"):
            with as_file(entry) as font_path:
                font_id = QFontDatabase.addApplicationFont(str(font_path))
            if font_id >= 0:
                family = QFontDatabase.applicationFontFamilies(font_id)[0]
    return family


def create_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication (reused when it already exists, as under pytest-qt)."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("annotator")
    app.setOrganizationName("annotator")
    app.setApplicationDisplayName("Annotator")
    icon = files("annotator.resources") / "icons" / "annotator.png"
    if icon.is_file():
        from PySide6.QtGui import QIcon

        with as_file(icon) as icon_path:
            app.setWindowIcon(QIcon(str(icon_path)))
    return app  # type: ignore[return-value]


def install_language(app: QCoreApplication, lang: str) -> None:
    """Translate the interface into ``lang`` (English: only its plural forms) and set the layout direction.

    Qt's own strings (standard dialog buttons) come from Qt's qtbase catalogue; ours from
    ``resources/translations/annotator_<lang>.qm``. Arabic also turns the whole layout right-to-left.
    """
    for translator in getattr(app, "_annotator_translators", []):
        app.removeTranslator(translator)
    translators: list[QTranslator] = []
    if lang != "en":
        qt_translator = QTranslator(app)
        if qt_translator.load(QLocale(lang), "qtbase", "_",
                              QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            translators.append(qt_translator)
    # English has a .qm too: it holds only the plural forms of counts ("1 span", "2 spans").
    ours = files("annotator.resources") / "translations" / f"annotator_{lang}.qm"
    translator = QTranslator(app)
    with as_file(ours) as qm_path:
        if not translator.load(str(qm_path)):
            raise AnnotatorError(f"{qm_path}: the {lang} translation is missing or damaged")
    translators.append(translator)
    for translator in translators:
        app.installTranslator(translator)
    app._annotator_translators = translators  # type: ignore[attr-defined]  # kept alive with the app
    app.setProperty("annotatorLanguage", lang)
    rtl = lang in RIGHT_TO_LEFT_LANGUAGES
    direction = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    app.setLayoutDirection(direction)  # type: ignore[attr-defined]


def chosen_language(settings: QSettings, lang: str | None) -> str:
    """``lang`` from the command line, else the saved View ▸ Language choice, else English."""
    if lang:
        return lang
    saved = str(settings.value(LANGUAGE_KEY, "") or "")
    return saved if saved in LANGUAGES else "en"


def open_project_for_gui(db_path: Path | None) -> Project:
    if db_path is None:
        from annotator.operations.import_corpus import open_default_project

        return open_default_project()
    return Project.open(db_path)


def run_gui(db_path: Path | None = None, *, lang: str | None = None, smoke_test: bool = False) -> int:
    """Open the main window on ``db_path`` (or the default project) and run the event loop.

    With ``smoke_test`` the default project and settings live in a new temporary folder; the window is
    rendered to ``main-window.png`` there, the picture's path printed, and the function returns 0 —
    enough to prove an installed or packaged app starts.
    """
    from annotator.ui.shell.display_libraries import display_libraries_problem

    problem = display_libraries_problem()
    if problem:  # Qt would abort with a core dump and a message that names no package
        print(problem, file=sys.stderr)
        return 1
    settings: QSettings | None = None
    if smoke_test:
        folder = Path(tempfile.mkdtemp(prefix="annotator-smoke-"))
        os.environ["XDG_DATA_HOME"] = str(folder / "data")  # platformdirs reads it: the default project
        settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    app = create_application()
    family = load_bundled_fonts()
    try:
        install_language(app, chosen_language(settings or QSettings(), lang))
        project = open_project_for_gui(db_path)
    except AnnotatorError as exc:
        QMessageBox.critical(None, QCoreApplication.translate("app", "Cannot open project"), str(exc))
        return 1
    from annotator.ui.shell.welcome import offer_first_start

    session = WindowSession(app, project, family, settings or QSettings())
    window = session.open_window()
    if smoke_test:
        return render_smoke_test_picture(app, window, folder / SMOKE_TEST_PICTURE, project)
    QTimer.singleShot(0, lambda: offer_first_start(window))  # first start: who you are, what to do
    code = app.exec()
    session.project.close()
    return code


class WindowSession:
    """The open main window, replaced by a new one when the annotator picks another language."""

    def __init__(self, app: QApplication, project: Project, family: str, settings: QSettings) -> None:
        self.app, self.project, self.family, self.settings = app, project, family, settings
        self.window = None

    def open_window(self):
        """Show a main window in the current language; returns it."""
        from annotator.ui.shell.main_window import MainWindow

        window = MainWindow(self.project, article_font_family=self.family, settings=self.settings)
        window.language_chosen.connect(lambda chosen: self.switch_language(window, chosen))
        window.project_chosen.connect(lambda path, offer: self.switch_project(window, Path(path), offer))
        remember_project(self.settings, self.project.path)
        window.show()
        self.window = window
        return window

    def switch_language(self, old, chosen: str) -> None:
        """Save the choice and rebuild the window in ``chosen`` (every text is set anew)."""
        self.settings.setValue(LANGUAGE_KEY, chosen)
        install_language(self.app, chosen)
        geometry = old.saveGeometry()
        old.close()
        old.deleteLater()
        self.open_window().restoreGeometry(geometry)

    def switch_project(self, old, path: Path, offer_import: bool = False) -> None:
        """Open ``path`` (created with the default labels when new) in a new window replacing ``old``.

        A file that cannot be opened leaves the current project open and says why. With
        ``offer_import`` (File ▸ New project…) the new window asks whether to import articles now.
        """
        try:
            project = Project.open(path)
        except AnnotatorError as exc:
            QMessageBox.critical(old, QCoreApplication.translate("app", "Cannot open project"), str(exc))
            return
        geometry = old.saveGeometry()
        old.close()
        old.deleteLater()
        self.project.close()
        self.project = project
        window = self.open_window()
        window.restoreGeometry(geometry)
        if offer_import and hasattr(window, "offer_import"):
            QTimer.singleShot(0, window.offer_import)



def render_smoke_test_picture(app: QApplication, window, picture: Path, project: Project) -> int:
    """Let the window lay itself out, save it as ``picture``, close everything; 0 when the PNG exists."""
    for _ in range(5):
        app.processEvents()
    saved = window.grab().save(str(picture))
    print(picture)
    window.close()
    project.close()
    return 0 if saved and picture.is_file() else 1
