"""Reading a file the learner named: only a regular file, only up to a size, never blocking.

A named pipe (FIFO), a socket or a device given as a session or CSV path would block `open` or `read`
forever, or read without end; `read_regular` opens without blocking, looks at what the path is, and refuses
anything but a regular file before reading a byte. Its size is checked from the file system too, so a file
far too large is refused without being read.
"""

from __future__ import annotations

import os
import stat

from engine.core.errors import EngineError


def _open(path: str, flags: int) -> int:
    return os.open(path, flags)


def read_regular(path: str, limit: int, error: type[EngineError], what: str) -> bytes:
    """The bytes of the regular file `path` (at most `limit` of them), or `error("file", …)` saying why not.
    `what` names the kind of file in messages ("a session file", "a CSV file")."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = _open(path, flags)
    except FileNotFoundError:
        raise error("file", f"{path} not found") from None
    except IsADirectoryError:
        raise error("file", f"{path} is a folder, not {what}") from None
    except PermissionError:
        raise error("file", f"{path} cannot be read (permission denied)") from None
    except (OSError, ValueError, TypeError) as e:
        raise error("file", f"{path} cannot be read: {getattr(e, 'strerror', None) or e}") from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise error("file", f"{path} is a folder, not {what}")
        if not stat.S_ISREG(st.st_mode):
            raise error("file", f"{path} is not a regular file (a pipe, socket or device); give {what}")
        if st.st_size > limit:
            raise error("file", f"{path} is larger than {limit // 2**20} MB; not {what} this program reads")
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        data = b"".join(chunks)
    except OSError as e:
        raise error("file", f"{path} cannot be read: {e.strerror or e}") from None
    finally:
        os.close(fd)
    if len(data) > limit:  # it grew while we read
        raise error("file", f"{path} is larger than {limit // 2**20} MB; not {what} this program reads")
    return data
