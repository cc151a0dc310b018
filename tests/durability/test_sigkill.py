"""A process killed with SIGKILL mid-stream loses no acknowledged contribution."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from kiosk.commands.common import parse_stored_agenda
from kiosk.core.session import resume_session
from kiosk.core.store import open_event_log

WRITER = r"""
import sys
from pathlib import Path
from kiosk.agenda.parser import load_agenda
from kiosk.core.events import Actor, Command
from kiosk.core.session import start_session
from kiosk.core.store import open_event_log
from kiosk.resources import default_agenda_path

log = open_event_log(Path(sys.argv[1]))
core = start_session(log, load_agenda(default_agenda_path()))
core.execute(Command("block/jump", {"index": 3}))
# Approved as they come, so one phone may keep writing past the cap on answers waiting for the facilitator.
core.execute(Command("settings/auto_approve", {"on": True}))
phone = Actor("phone", device="device-writer-1")
core.execute(Command("device/join", {"role": "parent"}, phone))
print("ready", core.info.id, flush=True)
n = 0
while True:
    n += 1
    core.execute(Command("contribution/add", {"id": f"c{n}", "text": f"ervaring nummer {n}"}, phone))
    print("ack", f"c{n}", flush=True)
"""


def test_every_acknowledged_contribution_survives_sigkill(tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(tmp_path)], stdout=subprocess.PIPE, text=True, cwd=Path.cwd()
    )
    assert proc.stdout is not None
    first = proc.stdout.readline().split()
    assert first[0] == "ready", first
    acked = []
    for line in proc.stdout:
        acked.append(line.split()[1])
        if len(acked) == 300:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    # Whatever it printed after we stopped reading was acknowledged too.
    acked += [line.split()[1] for line in proc.stdout.read().splitlines() if line.startswith("ack")]
    assert len(acked) >= 300  # the writer was still going when it was killed, not stopped by a refusal

    log = open_event_log(tmp_path)
    info = log.session(first[1])
    assert not info.finished
    core = resume_session(log, info, parse_stored_agenda)
    stored = core.state.contributions
    missing = [cid for cid in acked if cid not in stored]
    assert not missing
    assert core.state.current == 3 and core.state.timer.running
    assert all(stored[cid].text == f"ervaring nummer {cid[1:]}" for cid in acked)


QUESTION_WRITER = r"""
import sys
from pathlib import Path
from kiosk.agenda.parser import load_agenda
from kiosk.core.events import Actor, Command
from kiosk.core.session import start_session
from kiosk.core.store import open_event_log
from kiosk.resources import default_agenda_path

log = open_event_log(Path(sys.argv[1]))
core = start_session(log, load_agenda(default_agenda_path()))
core.execute(Command("settings/auto_approve", {"on": True}))
asker, voter = Actor("phone", device="device-asker-1"), Actor("phone", device="device-voter-1")
for phone in (asker, voter):
    core.execute(Command("device/join", {"role": "parent"}, phone))
print("ready", core.info.id, flush=True)
n = 0
while True:
    n += 1
    core.execute(Command("question/add", {"id": f"q{n}", "text": f"vraag nummer {n}?"}, asker))
    core.execute(Command("question/upvote", {"id": f"q{n}"}, voter))
    print("ack", f"q{n}", flush=True)
"""


def test_every_acknowledged_question_and_upvote_survives_sigkill(tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", QUESTION_WRITER, str(tmp_path)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path.cwd(),
    )
    assert proc.stdout is not None
    first = proc.stdout.readline().split()
    assert first[0] == "ready", first
    acked = []
    for line in proc.stdout:
        acked.append(line.split()[1])
        if len(acked) == 200:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    acked += [line.split()[1] for line in proc.stdout.read().splitlines() if line.startswith("ack")]
    assert len(acked) >= 200  # the writer was still going when it was killed

    log = open_event_log(tmp_path)
    core = resume_session(log, log.session(first[1]), parse_stored_agenda)
    stored = core.state.questions.items
    assert [qid for qid in acked if qid not in stored] == []
    assert all(stored[qid].votes == {"device-voter-1"} and stored[qid].visible for qid in acked)
    log.close()
