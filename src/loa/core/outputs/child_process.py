"""The one way the build runs a part of itself in a second Python process (search index, history).

Both sides speak JSON, one message a line, never a serialised object. The parent starts ``python -P -m <module>``
with this very copy of Loa first on the path (whatever the interpreter's own path says) and nothing from the
working directory, which is the site's project. The child reports a disk it cannot write to in Vietnamese on
standard error and exits with 1; the parent turns a non-zero exit into its own error.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import IO, Any

from loa.core.outputs.releases import write_error_reason

__all__ = ["close_quietly", "encode_line", "report_write_error", "start_child", "stop_child"]

_PACKAGE_ROOT = Path(__file__).resolve().parents[3]


def start_child(module: str, *, read_output: bool = False) -> subprocess.Popen[bytes]:
    """Start ``module`` as a child with a pipe to its standard input (and from its output if ``read_output``)."""
    paths = [str(_PACKAGE_ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
    return subprocess.Popen(
        [sys.executable, "-P", "-m", module],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE if read_output else None,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(paths)},
    )


def encode_line(message: Any) -> bytes:
    """One message as one line of JSON (UTF-8, letters kept as they are)."""
    return json.dumps(message, ensure_ascii=False).encode("utf-8") + b"\n"


def close_quietly(stream: IO[bytes]) -> None:
    """Close a pipe whose other end may already be gone."""
    with contextlib.suppress(BrokenPipeError):
        stream.close()


def stop_child(process: subprocess.Popen[bytes], *, grace: float = 0) -> None:
    """Let a running child end within ``grace`` seconds (its input closed), then kill it."""
    if process.poll() is not None:
        return
    if grace:
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            pass
        else:
            return
    process.kill()
    process.wait()


def report_write_error(what: str, error: OSError) -> int:
    """In the child: say on standard error that ``what`` could not be written, and why; return the exit code."""
    print(f"LỖI: không ghi được {what}: {write_error_reason(error)}", file=sys.stderr)
    return 1
