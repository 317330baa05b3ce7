"""Project exceptions: each carries one sentence a user can act on, naming the file, line or record."""

from __future__ import annotations


class AnnotatorError(Exception):
    """Base of every error the CLI and GUI show to a user as a message rather than a traceback."""


class InputError(AnnotatorError):
    """A file given to an importer is malformed; the message names the file (and line) and the fault."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        self.path = path
        self.line = line
        where = path or ""
        if path and line is not None:
            where = f"{path}, line {line}"
        super().__init__(f"{where}: {message}" if where else message)


class ProjectFileError(AnnotatorError):
    """A project database cannot be opened or written (corrupt, newer version, read-only, disk full)."""


class ConflictError(AnnotatorError):
    """Two sources disagree and the user must choose; nothing has been changed."""


class NotFoundError(AnnotatorError):
    """A named article, annotator, label or span does not exist in the project."""


class ChangedElsewhereError(AnnotatorError):
    """An undo or redo found the rows it would touch changed by another writer (a second window, the
    command line); nothing was changed, and the undo step is retired."""


class ProjectNotSavedError(ProjectFileError):
    """A change could not be written to the project file (it vanished, the disk is full, the file or
    its medium became read-only); the change was rolled back, and the open project can still be saved
    as a copy elsewhere (``Project.save_copy``)."""


class ProjectFileGoneError(ProjectNotSavedError):
    """The project's path no longer names the file that was opened (its folder was deleted or renamed,
    its disk removed, another file put in its place): writing on would save into a file nobody sees."""


class ReadOnlyProjectError(ProjectFileError):
    """The project was opened read-only (its file, folder or medium cannot be written): it can be read,
    listed, searched and exported, but every change is refused."""
