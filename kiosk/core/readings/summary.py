"""The running summary: what the room has said so far, as pure data for the projector, the TUI and the report."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import NamedTuple

from kiosk.agenda.model import Prompt
from kiosk.core.state import Contribution, SessionState


@dataclass(frozen=True)
class RoleSplit:
    """How many came from parents, from school staff, and from people who did not say."""

    parent: int = 0
    staff: int = 0
    unknown: int = 0

    @property
    def total(self) -> int:
        return self.parent + self.staff + self.unknown


class SummaryItem(NamedTuple):
    """One approved contribution as the summary shows it; `duplicates` were merged into it."""

    # A NamedTuple, not a frozen dataclass: building 10,000 of these after every event must stay cheap.

    id: str
    text: str
    recognitions: int
    role: str | None
    source: str  # phone | paper | spoken
    pinned: bool
    duplicates: int
    tags: tuple[str, ...]
    lang: str | None = None  # the language of the phone's page it was written on; None from paper or aloud


@dataclass(frozen=True)
class TagGroup:
    """Contributions under one of the facilitator's tags; `tag` is None for the untagged."""

    tag: str | None
    items: tuple[SummaryItem, ...]


@dataclass(frozen=True)
class PromptSummary:
    """What was heard on one question; `prompt_id` None holds what was said in a block outside a question."""

    prompt_id: str | None
    prompt: Prompt | None
    block_index: int
    block_title: str
    groups: tuple[TagGroup, ...]
    roles: RoleSplit

    @property
    def count(self) -> int:
        return sum(len(g.items) for g in self.groups)

    def ranked(self) -> list[SummaryItem]:
        """Every answer to this question, best first: pinned, most recognised, most often said."""
        return sorted((item for group in self.groups for item in group.items), key=summary_rank)

    def text_in(self, lang: str) -> str:
        return self.prompt.text_in(lang) if self.prompt else ""


@dataclass(frozen=True)
class ActionLine:
    """A next step of the school as the room sees it."""

    id: str
    what: str
    owner: str
    due: str
    status: str


@dataclass(frozen=True)
class RunningSummary:
    """Everything the closing summary shows, in agenda order."""

    prompts: tuple[PromptSummary, ...]
    key_points: tuple[str, ...]
    key_message: str
    contact: str
    actions: tuple[ActionLine, ...]

    @property
    def count(self) -> int:
        return sum(p.count for p in self.prompts)


def repeats(state: SessionState, c: Contribution) -> list[Contribution]:
    """The duplicates merged into a contribution that still count (not hidden, not withdrawn)."""
    merged = (state.contributions[other] for other in state.duplicates.get(c.id, ()))
    return [other for other in merged if not other.withdrawn and other.status != "hidden"]


def _duplicates(state: SessionState, c: Contribution) -> int:
    return len(repeats(state, c))


@dataclass(frozen=True)
class Said:
    """How often the room said something (answers and their merged repeats) and how many phones recognised it."""

    said: int
    recognised: int


def said_of(state: SessionState, sources: list[str]) -> Said:
    """What a key point drawn from these answers stands for: the shown ones, their repeats, their recognitions."""
    shown = [state.contributions[s] for s in sources if s in state.contributions]
    said = [c for source in shown if source.visible for c in (source, *repeats(state, source))]
    recognised: set[str] = set()
    for c in said:
        recognised |= c.votes
    return Said(len(said), len(recognised))


def summary_rank(item: SummaryItem) -> tuple[bool, int, int]:
    """Pinned first, then most recognised, then the most often said; sorted() keeps arrival order after that."""
    return (not item.pinned, -item.recognitions, -item.duplicates)


def _groups(items: list[SummaryItem]) -> tuple[TagGroup, ...]:
    # A contribution sits under its first tag only, so counts add up and nothing shows twice.
    by_tag: dict[str | None, list[SummaryItem]] = defaultdict(list)
    for item in items:
        by_tag[item.tags[0] if item.tags else None].append(item)
    tags = sorted((t for t in by_tag if t is not None), key=lambda t: (-len(by_tag[t]), t.casefold()))
    ordered: list[str | None] = [*tags, None] if None in by_tag else list(tags)
    return tuple(TagGroup(tag, tuple(sorted(by_tag[tag], key=summary_rank))) for tag in ordered)


def _roles(items: list[SummaryItem]) -> RoleSplit:
    parent = sum(1 for i in items if i.role == "parent")
    staff = sum(1 for i in items if i.role == "staff")
    return RoleSplit(parent, staff, len(items) - parent - staff)


def running_summary(state: SessionState) -> RunningSummary:
    """The summary of the evening so far: approved, visible contributions per question, in agenda order."""
    by_key: dict[tuple[int, str | None], list[SummaryItem]] = defaultdict(list)
    for c in state.contributions.values():  # arrival order
        if c.visible:
            item = SummaryItem(
                c.id,
                c.text,
                state.endorsement_count(c),
                c.role,
                c.source,
                c.pinned,
                _duplicates(state, c),
                tuple(c.tags),
                c.lang,
            )
            by_key[(c.block_index, c.prompt_id)].append(item)
    prompts: list[PromptSummary] = []
    for block in state.agenda.blocks:
        keys: list[tuple[str | None, Prompt | None]] = [(p.id, p) for p in block.prompts]
        keys.append((None, None))
        for prompt_id, prompt in keys:
            items = by_key.pop((block.index, prompt_id), [])
            # Open questions always get a section (an empty one says "nothing yet"); others only when used.
            if items or (prompt is not None and prompt.kind == "open"):
                prompts.append(
                    PromptSummary(prompt_id, prompt, block.index, block.title, _groups(items), _roles(items))
                )
    for (block_index, prompt_id), items in by_key.items():  # nothing is lost, even if the agenda disagrees
        prompt = state.agenda.prompt(prompt_id) if prompt_id else None
        title = state.agenda.blocks[block_index].title if 0 <= block_index < len(state.agenda.blocks) else ""
        prompts.append(PromptSummary(prompt_id, prompt, block_index, title, _groups(items), _roles(items)))
    return RunningSummary(
        prompts=tuple(prompts),
        key_points=tuple(p.text for p in state.key_points),
        key_message=state.key_message,
        contact=state.contact,
        actions=tuple(ActionLine(a.id, a.what, a.owner, a.due, a.status) for a in state.actions.values()),
    )
