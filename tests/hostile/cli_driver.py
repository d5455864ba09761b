"""Run many CLI invocations in one process (started once, under a memory limit), each with its own time limit.

``python -m tests.hostile.cli_driver RUNS.json RESULTS.json``: RUNS is a list of
``{"name", "argv", "timeout_s"}``; each result is ``{"name", "code", "out", "err"}`` where ``code`` is
the exit code, or ``"timeout"``, ``"memory"`` or ``"traceback"`` (an exception escaped ``main``).
Starting the CLI costs seconds on a busy machine, so one process serves every hostile input.
"""

from __future__ import annotations

import contextlib
import io
import json
import signal
import sys
import time
import traceback
from pathlib import Path
from typing import Any

from onward.cli.main import main


class _Timeout(BaseException):
    """Raised by the alarm; a BaseException so that no ``except Exception`` in the code under test hides it."""


def _alarm(_signal: int, _frame: Any) -> None:
    raise _Timeout


def run(name: str, argv: list[str], timeout_s: int) -> dict[str, Any]:
    out, err = io.StringIO(), io.StringIO()
    code: int | str
    started = time.monotonic()
    signal.alarm(timeout_s)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv)
    except _Timeout:
        code = "timeout"
    except MemoryError:
        code = "memory"
    except BaseException:
        code = "traceback"
        err.write(traceback.format_exc())
    finally:
        signal.alarm(0)
    seconds = round(time.monotonic() - started, 2)
    return {
        "name": name,
        "code": code,
        "seconds": seconds,
        "out": out.getvalue()[-4000:],
        "err": err.getvalue()[-4000:],
    }


def driver(argv: list[str]) -> None:
    runs = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    signal.signal(signal.SIGALRM, _alarm)
    results = [run(r["name"], r["argv"], r["timeout_s"]) for r in runs]
    Path(argv[1]).write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    driver(sys.argv[1:])
