"""Files computed from a stored original (crops, ZIPs), kept in a storage once computed.

A derivative's name encodes everything it was computed from (see ``derivative_name``), so a
stored file is never stale: a changed input gives another name, and the old file is only waste,
removed by ``prune``. Reading one costs a file open instead of the computation.
"""

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import PurePosixPath

from django.core.files.base import ContentFile

#: Prefix of a file being written on a local disk (renamed to its name once complete).
PARTIAL = ".partial-"


def derivative_name(directory: str, state: str, kind: str, inputs, extension: str) -> str:
    """``<directory>/<state>-<kind>-<hash of inputs>.<extension>``.

    ``state`` is a short hash of what all the derivatives of one original share (its file, its
    focal point…): ``prune`` keeps the files of the current states and deletes the others.
    """
    return f"{directory}/{state}-{kind}-{digest(inputs)}{extension}"


def digest(value) -> str:
    """A short, stable hash of a JSON-serialisable value."""
    raw = json.dumps(value, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def save(storage, name: str, content: bytes) -> None:
    """Store ``content`` under exactly ``name``, replacing any file of that name.

    On a local disk the file is written aside then renamed, so a concurrent request never
    streams half a file; object stores (S3…) publish an object only once it is complete.
    """
    try:
        path = storage.path(name)
    except NotImplementedError:
        with contextlib.suppress(FileNotFoundError):
            storage.delete(name)
        stored = storage.save(name, ContentFile(content))
        if stored != name:  # another request stored the same bytes first: keep one copy
            storage.delete(stored)
        return
    directory = os.path.dirname(path)
    os.makedirs(directory, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=directory, prefix=PARTIAL)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(content)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def prune(storage, directory: str, *, keep: Callable[[str], bool] | None = None) -> int:
    """Delete the files of ``directory`` that ``keep(file name)`` rejects; return how many.

    Without ``keep`` the whole directory goes (the original was deleted); with it, a file being
    written (``save``'s temporary name) is left alone.
    """
    try:
        _dirs, files = storage.listdir(directory)
    except (FileNotFoundError, NotADirectoryError):
        return 0
    removed = 0
    for filename in files:
        if keep is None or not (filename.startswith(PARTIAL) or keep(filename)):
            with contextlib.suppress(FileNotFoundError):
                storage.delete(str(PurePosixPath(directory) / filename))
            removed += 1
    if removed == len(files):
        # The local disk keeps an empty directory (object stores have none).
        with contextlib.suppress(OSError, NotImplementedError):
            storage.delete(directory)
    return removed
