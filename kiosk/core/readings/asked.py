"""Which of the agenda's questions the evening actually asked: the letter tells parents about those, not the rest."""

from __future__ import annotations

from kiosk.agenda.model import Prompt
from kiosk.core.state import SessionState


def asked_prompts(state: SessionState) -> tuple[Prompt, ...]:
    """The prompts that got an answer (of any status: a held answer was still asked) or are open now, in agenda
    order. A question the facilitator opened and nobody answered is not told as one the room talked about."""
    answered = {c.prompt_id for c in state.contributions.values() if c.prompt_id}
    answered |= {prompt_id for prompt_id, answers in state.responses.items() if answers}
    if state.open_prompt:
        answered.add(state.open_prompt)
    return tuple(p for b in state.agenda.blocks for p in b.prompts if p.id in answered)
