"""The feed screen: contributions as they arrive, and the moderation keys."""

from __future__ import annotations

import secrets
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from kiosk.core.changes import Changes
from kiosk.core.readings.waiting import held_texts, waiting_answer_ids
from kiosk.core.state import Contribution
from kiosk.tui.screens.base import QUIET_STEERING, KioskScreen
from kiosk.tui.screens.confirm import ConfirmScreen
from kiosk.tui.screens.paper import PaperScreen
from kiosk.tui.screens.pick import PickScreen
from kiosk.tui.screens.text_prompt import TextPrompt
from kiosk.tui.waiting_steering import cursor_to_next_waiting
from kiosk.tui.widgets.feed_table import FILTERS, FeedTable, in_filter
from kiosk.tui.widgets.key_bar import KeyBar
from kiosk.tui.widgets.now_bar import NowBar
from kiosk.tui.widgets.status_strip import StatusStrip

FREE_TAG = "\x00free"  # the pick list's "type a tag" entry; cannot clash with a theme id
# Rows added per refresh: a burst of thousands is drawn in slices so keys keep working meanwhile.
SLICE = 500


class FeedScreen(KioskScreen):
    """Moderate what parents and staff say."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *QUIET_STEERING,
        Binding("a", "approve", "key.approve", tooltip="tip.approve"),
        Binding("r", "redact", "key.redact", tooltip="tip.redact"),
        Binding("h", "hide", "key.hide", tooltip="tip.hide"),
        Binding("u", "pend", "key.pend", tooltip="tip.pend", show=False),
        Binding("v", "pin", "key.pin", tooltip="tip.pin"),
        Binding("t", "tag", "key.tag", tooltip="tip.tag"),
        Binding("m", "merge", "key.merge", tooltip="tip.merge"),
        Binding("e", "edit", "key.edit", tooltip="tip.edit"),
        Binding("i", "type_in", "key.type_in", tooltip="tip.type_in"),
        Binding("f", "next_filter", "key.filter", tooltip="tip.filter"),
        Binding("o", "auto_approve", "key.auto", tooltip="tip.auto"),
        Binding("c", "held_texts", "key.held_texts", tooltip="tip.held_texts", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield StatusStrip()
        yield NowBar(id="feed-now")
        yield Static(id="feed-bar")
        yield FeedTable(self.t, id="feed")
        yield Static(id="feed-detail")
        yield KeyBar()

    backlog: dict[str, None]  # contributions changed but not yet drawn, in arrival order

    def on_mount(self) -> None:
        self.backlog = {}
        table = self.query_one(FeedTable)
        table.rebuild(self.kiosk.state)
        table.focus()
        self._show_bar()
        self._show_detail()

    def core_changed(self, changes: Changes) -> None:
        contributions = self.kiosk.state.contributions
        touched = sorted(
            (i for i in changes.answers | changes.recognitions if i in contributions),
            key=lambda i: contributions[i].n,  # new rows in the order they came in
        )
        if touched:
            start = not self.backlog
            self.backlog.update(dict.fromkeys(touched))
            if start:
                self._drain()
        self._show_bar()
        self._show_detail()

    def _drain(self) -> None:
        ids = list(self.backlog)[:SLICE]
        for contribution_id in ids:
            del self.backlog[contribution_id]
        self.query_one(FeedTable).sync(ids, self.kiosk.state)
        if self.backlog:
            self.call_after_refresh(self._drain)
        else:
            self._show_detail()

    def on_data_table_row_highlighted(self, event: FeedTable.RowHighlighted) -> None:
        self._show_detail()

    def _show_bar(self) -> None:
        state = self.kiosk.state
        table = self.query_one(FeedTable)
        counts = dict.fromkeys(FILTERS, 0)
        for contribution in state.contributions.values():
            for name in FILTERS:
                if in_filter(contribution, name):
                    counts[name] += 1
        bar = Text()
        for name in FILTERS:
            label = f" {self.t(f'filter.{name}')} ({counts[name]}) "
            bar.append(label, style="reverse bold" if name == table.filter else "")
        # Auto-approve and the name check's state are on the status strip, on every screen.
        self.query_one("#feed-bar", Static).update(bar)

    def select_next_waiting(self, after: str | None = None, keep_filter: bool = False) -> bool:
        """Put the cursor on the next answer that waits, after `after` (else after the cursor's row); the filter
        turns to "waiting" when it hides them, unless `keep_filter` (going on through the held ones, say)."""
        state = self.kiosk.state
        waits = set(waiting_answer_ids(state))
        if not waits:
            return False
        table = self.query_one(FeedTable)
        if table.filter not in ("all", "pending") and not keep_filter:
            table.filter = "pending"  # the filter shown hides what waits
            table.rebuild(state)
            self._show_bar()
        if not cursor_to_next_waiting(table, waits, after):
            return False
        self._show_detail()
        return True

    def _approved(self, contribution_id: str) -> None:
        """After an approval the cursor goes on to the next answer that waits, once the row is redrawn."""
        self.app.call_later(self.select_next_waiting, contribution_id, True)

    def _show_detail(self) -> None:
        contribution = self._selected()
        detail = self.query_one("#feed-detail", Static)
        if contribution is None:
            detail.update(Text(self.t("feed.empty"), style="dim"))
            return
        state = self.kiosk.state
        text = Text(contribution.text)
        facts = [self.t(f"status.{contribution.status}")]
        if contribution.held_reason:
            reason = self.t(f"held.{contribution.held_reason}")
            if contribution.approved_by is not None:
                who = self.t(f"feed.by.{contribution.approved_by}")
                how = "feed.redacted_by" if contribution.changed else "feed.approved_by"
                facts.append(self.t(how, reason=reason, who=who))
            else:
                facts.append(self.t("feed.held_because", reason=reason))
        facts.append(self.t("feed.recognised", count=state.endorsement_count(contribution)))
        if contribution.merged_into:
            target = state.contributions.get(contribution.merged_into)
            facts.append(self.t("feed.merged_into", text=target.text[:40] if target else "?"))
        if contribution.tags:
            facts.append(", ".join(state.agenda.tag_in(tag, self.t.lang) for tag in contribution.tags))
        text.append("\n" + " · ".join(facts), style="dim")
        detail.update(text)

    def _selected(self) -> Contribution | None:
        contribution_id = self.query_one(FeedTable).selected_id()
        return self.kiosk.state.contributions.get(contribution_id) if contribution_id else None

    def _on_selected(self, type_: str, **data: Any) -> None:
        contribution = self._selected()
        if contribution is None:
            self.notify(self.t("feed.select_first"), severity="warning")
            return
        self.kiosk.steer(type_, id=contribution.id, **data)

    def action_approve(self) -> None:
        contribution = self._selected()
        if contribution is None or not contribution.needs_confirmation:
            if contribution is not None and self.kiosk.steer("contribution/approve", id=contribution.id):
                self._approved(contribution.id)
            elif contribution is None:
                self._on_selected("contribution/approve")
            return
        # Held for a reason: approving it unchanged is asked twice; redacting (r) needs no question.
        question = self.t(
            "feed.confirm_held",
            reason=self.t(f"held.{contribution.held_reason}"),
            text=contribution.text[:200],
        )

        def answered(yes: bool | None) -> None:
            if yes and self.kiosk.steer("contribution/approve", id=contribution.id, confirm=True):
                self._approved(contribution.id)

        self.app.push_screen(
            ConfirmScreen(question, yes=self.t("feed.confirm_yes"), no=self.t("feed.confirm_no")), answered
        )

    def action_redact(self) -> None:
        """Replace what moderation found by "[naam]", "[adres]"... and approve, in one key."""
        contribution = self._selected()
        if contribution is None:
            self._on_selected("contribution/redact")
        elif self.kiosk.steer("contribution/redact", id=contribution.id, lang=self.kiosk.lang):
            self._approved(contribution.id)

    def action_held_texts(self) -> None:
        """Comments and table notes held for a name, a number or a swear word: redact, approve or hide each."""
        held = held_texts(self.kiosk.state)
        if not held:
            self.notify(self.t("feed.no_held_texts"))
            return
        options = [
            (
                f"{target}\x00{ident}",
                f"{self.t(f'held.{review.held_reason}')}: {text.replace(chr(10), ' ')[:80]}",
            )
            for target, ident, text, review in held
        ]

        def picked(choice: str | None) -> None:
            if choice is not None:
                target, _, ident = choice.partition("\x00")
                self._review_text(target, ident)

        self.app.push_screen(PickScreen(self.t("feed.held_texts_question"), options), picked)

    def _review_text(self, target: str, ident: str) -> None:
        choices = [(verb, self.t(f"feed.review.{verb}")) for verb in ("redact", "approve", "hide")]

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.kiosk.steer("moderation/approve", target=target, id=ident, confirm=True)

        def picked(verb: str | None) -> None:
            if verb == "redact":
                self.kiosk.steer("moderation/redact", target=target, id=ident, lang=self.kiosk.lang)
            elif verb == "hide":
                self.kiosk.steer("moderation/hide", target=target, id=ident)
            elif verb == "approve":
                question = self.t("feed.confirm_held_text")
                yes, no = self.t("feed.confirm_yes"), self.t("feed.confirm_no")
                self.app.push_screen(ConfirmScreen(question, yes=yes, no=no), confirmed)

        self.app.push_screen(PickScreen(self.t("feed.review_question"), choices), picked)

    def action_hide(self) -> None:
        self._on_selected("contribution/hide")

    def action_pend(self) -> None:
        self._on_selected("contribution/pend")

    def action_pin(self) -> None:
        contribution = self._selected()
        self._on_selected("contribution/pin", pinned=not (contribution and contribution.pinned))

    def action_next_filter(self) -> None:
        table = self.query_one(FeedTable)
        table.filter = FILTERS[(FILTERS.index(table.filter) + 1) % len(FILTERS)]
        table.rebuild(self.kiosk.state)
        self._show_bar()
        self._show_detail()

    def action_auto_approve(self) -> None:
        self.kiosk.steer("settings/auto_approve", on=not self.kiosk.state.auto_approve)

    def action_edit(self) -> None:
        contribution = self._selected()
        if contribution is None:
            self.notify(self.t("feed.select_first"), severity="warning")
            return

        def edited(text: str | None) -> None:
            if text is not None:
                self.kiosk.steer("contribution/edit", id=contribution.id, text=text)

        self.app.push_screen(TextPrompt(self.t("feed.edit_question"), contribution.text), edited)

    def action_tag(self) -> None:
        contribution = self._selected()
        if contribution is None:
            self.notify(self.t("feed.select_first"), severity="warning")
            return

        def toggle(tag: str) -> None:
            tags = list(contribution.tags)
            tags = [x for x in tags if x != tag] if tag in tags else [*tags, tag]
            self.kiosk.steer("contribution/tag", id=contribution.id, tags=tags)

        def typed(text: str | None) -> None:
            if text and text.strip():
                toggle(text.strip())

        def picked(choice: str | None) -> None:
            if choice == FREE_TAG:
                self.app.push_screen(TextPrompt(self.t("feed.tag_free"), max_length=40), typed)
            elif choice is not None:
                toggle(choice)

        themes = [theme.title for theme in self.kiosk.state.agenda.themes]
        values = themes + [tag for tag in contribution.tags if tag not in themes]
        agenda = self.kiosk.state.agenda
        options = [
            (value, agenda.tag_in(value, self.t.lang) + (" ✓" if value in contribution.tags else ""))
            for value in values
        ]
        options.append((FREE_TAG, self.t("feed.tag_free_option")))
        self.app.push_screen(PickScreen(self.t("feed.tag_question"), options), picked)

    def action_merge(self) -> None:
        contribution = self._selected()
        if contribution is None:
            self.notify(self.t("feed.select_first"), severity="warning")
            return
        state = self.kiosk.state
        candidates = [
            c
            for c in reversed(state.contributions.values())
            if c.id != contribution.id and c.merged_into is None and not c.withdrawn
        ]
        # Duplicates are usually answers to the same question; offer those first.
        candidates.sort(key=lambda c: c.prompt_id != contribution.prompt_id)
        options = [(c.id, c.text.replace("\n", " ")[:80]) for c in candidates[:300]]
        if not options:
            self.notify(self.t("feed.nothing_to_merge"), severity="warning")
            return

        def picked(target: str | None) -> None:
            if target is not None:
                self.kiosk.steer("contribution/merge", id=contribution.id, into=target)

        self.app.push_screen(PickScreen(self.t("feed.merge_question"), options), picked)

    def action_type_in(self) -> None:
        def typed(data: dict[str, Any] | None) -> None:
            if data is not None:
                contribution_id = f"f-{secrets.token_hex(6)}"
                if self.kiosk.steer("contribution/add", id=contribution_id, **data):
                    typed_in = self.kiosk.state.contributions.get(contribution_id)
                    if typed_in is not None and typed_in.held_reason:
                        # What was written on paper or said aloud can name someone too: say so, it waits in held.
                        reason = self.t(f"held.{typed_in.held_reason}")
                        self.notify(self.t("feed.typed_held", reason=reason), severity="warning", timeout=10)

        self.app.push_screen(PaperScreen(self.kiosk.state, self.t), typed)
