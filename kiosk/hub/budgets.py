"""What one phone or one address may spend of what the whole room shares: repeated changes, and questions.

Both live in the hub's memory only (no address and no budget is ever stored) and are asked before a command
reaches the core, like the gate's limits per address.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from kiosk.hub.admission import PRUNE_EVERY, Buckets

# Changes of one thing by one phone: (per second, burst). A parent picks a role, tries a few languages, recognises
# an answer and takes it back; a script flipping one thing all evening stores one change every half minute.
CHANGES = (1 / 30, 10.0)
# Changes again (of a thing a phone changed before) by all the phones of one address: (per second, burst). A hall
# behind one address picks its roles once each (never counted here) and changes its mind now and then; a script
# with many phones on one network gets 100 at once, then 5 a second, for all of them together.
REPEATS_PER_ADDRESS = (5.0, 100.0)
# Questions in play (waiting or shown; hidden ones free their place) asked from one address. A hall behind one
# address asks a few dozen; the evening takes 5000 (kiosk/core/rules/questions.py), so it takes 25 addresses,
# not a few, to fill it, and each gets its share only at the pace of the gate's QUESTIONS (60, then 1 in 2 s).
QUESTION_SHARE = 200


def changed_thing(type_: str, data: dict[str, Any]) -> str | None:
    """The one thing a phone's command changes again and again when repeated, or None for a command that
    makes something new (an answer, a question) or can be done once (taking an answer back)."""
    if type_ == "device/join":
        return "join"  # its role and its language
    if type_ in ("contribution/endorse", "question/upvote", "table/note/edit"):
        return f"{type_}:{data.get('id')}"
    if type_ == "response/set":
        return f"{type_}:{data.get('prompt')}"
    return None


class ChangeBudget:
    """Token buckets per (phone, thing), and per address for changing things again: changes beyond either are
    refused (`too_many_changes`). `address` None is the laptop itself, never limited per address."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._things = Buckets(*CHANGES, clock)
        self._networks = Buckets(*REPEATS_PER_ADDRESS, clock)
        self._operations = 0

    def may(self, device: str, thing: str, address: str | None = None) -> bool:
        if not self._things.has_token((device, thing)):
            return False
        again = (device, thing) in self._things.by_key
        return not again or address is None or self._networks.has_token(address)

    def spent(self, device: str, thing: str, address: str | None = None) -> None:
        """The phone changed this thing: one change of its budget is used (and its network's, if again)."""
        if (device, thing) in self._things.by_key and address is not None:
            self._networks.allow(address)
        self._things.allow((device, thing))
        self._operations += 1
        if self._operations % PRUNE_EVERY == 0:
            self._things.sweep()
            self._networks.sweep()


class QuestionShares:
    """The questions asked from each address this run, to keep one address within its share of the evening's."""

    def __init__(self, share: int = QUESTION_SHARE) -> None:
        self.share = share
        self._asked: dict[str, list[str]] = {}

    def room(self, address: str | None, in_play: Callable[[str], bool]) -> bool:
        """Whether this address may ask one more; `in_play(id)` says whether a question still takes a place."""
        if address is None:
            return True  # the laptop itself
        asked = self._asked.get(address)
        if asked is None or len(asked) < self.share:
            return True
        asked[:] = [qid for qid in asked if in_play(qid)]  # hidden ones free their place
        return len(asked) < self.share

    def asked(self, address: str | None, question: str) -> None:
        if address is not None:
            self._asked.setdefault(address, []).append(question)
