"""The questions screen: the room's questions to the school, moderated like answers and answered now or later."""

from __future__ import annotations

import secrets
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from kiosk.core.changes import Changes
from kiosk.core.moderated import Question
from kiosk.core.readings.waiting import waiting_question_ids
from kiosk.tui.screens.base import QUIET_STEERING, KioskScreen
from kiosk.tui.screens.confirm import ConfirmScreen
from kiosk.tui.screens.text_prompt import TextPrompt
from kiosk.tui.waiting_steering import cursor_to_next_waiting
from kiosk.tui.widgets.key_bar import KeyBar
from kiosk.tui.widgets.now_bar import NowBar
from kiosk.tui.widgets.question_table import QuestionTable
from kiosk.tui.widgets.status_strip import StatusStrip

VOTES_EVERY = 1.0  # seconds: how often upvotes alone redraw the list


class QuestionsScreen(KioskScreen):
    """Approve or hide what phones ask, mark it answered now or later, show the top questions on the projector."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *QUIET_STEERING,
        Binding("a", "approve", "key.approve", tooltip="tip.q_approve"),
        Binding("r", "redact", "key.redact", tooltip="tip.redact"),
        Binding("h", "hide", "key.hide", tooltip="tip.q_hide"),
        Binding("b", "answer('now')", "key.q_now", tooltip="tip.q_now"),
        Binding("l", "answer('later')", "key.q_later", tooltip="tip.q_later"),
        Binding("e", "edit", "key.edit", tooltip="tip.q_edit"),
        Binding("i", "type_in", "key.type_in", tooltip="tip.q_type_in"),
        Binding("s", "on_display", "key.q_display", tooltip="tip.q_display"),
    ]

    def compose(self) -> ComposeResult:
        yield StatusStrip()
        yield NowBar(id="questions-now")
        yield Static(id="questions-bar")
        yield QuestionTable(self.t, id="questions")
        yield Static(id="questions-detail")
        yield KeyBar()

    _rebuild_pending = False

    def on_mount(self) -> None:
        table = self.query_one(QuestionTable)
        table.rebuild(self.kiosk.state)
        table.focus()
        self._show_bar()
        self._show_detail()

    def core_changed(self, changes: Changes) -> None:
        if not (changes.questions or changes.votes or changes.settings):
            return
        if not (changes.questions or changes.settings):
            # A hall voting sends a burst after burst: votes move the rows at most once a second.
            if not self._rebuild_pending:
                self._rebuild_pending = True
                self.set_timer(VOTES_EVERY, self._refresh)
            return
        self._refresh()

    def _refresh(self) -> None:
        self._rebuild_pending = False
        self.query_one(QuestionTable).rebuild(self.kiosk.state)
        self._show_bar()
        self._show_detail()

    def on_data_table_row_highlighted(self, event: QuestionTable.RowHighlighted) -> None:
        self._show_detail()

    def _show_bar(self) -> None:
        questions = self.kiosk.state.questions
        every = list(questions.items.values())
        counts = {
            "all": len(every),
            "pending": sum(q.status == "pending" for q in every),
            "now": sum(q.answer == "now" for q in every),
            "later": sum(q.answer == "later" for q in every),
        }
        bar = Text(self.t("questions.bar", **counts))
        shown = self.t("questions.display_on") if questions.on_display else self.t("questions.display_off")
        bar.append("   " + shown, style="bold green" if questions.on_display else "dim")
        self.query_one("#questions-bar", Static).update(bar)

    def _show_detail(self) -> None:
        question = self._selected()
        detail = self.query_one("#questions-detail", Static)
        if question is None:
            detail.update(Text(self.t("questions.empty"), style="dim"))
            return
        text = Text(question.text)  # as typed: never read as markup
        facts = [self.t(f"status.{question.status}")]
        if question.held_reason:
            facts.append(self.t("feed.held_because", reason=self.t(f"held.{question.held_reason}")))
        facts.append(self.t.plural("questions.votes", len(question.votes)))
        if question.answer:
            facts.append(self.t(f"questions.answer.{question.answer}"))
        if question.role:
            facts.append(self.t(f"role.{question.role}"))
        text.append("\n" + " · ".join(facts), style="dim")
        detail.update(text)

    def _selected(self) -> Question | None:
        question_id = self.query_one(QuestionTable).selected_id()
        return self.kiosk.state.questions.items.get(question_id) if question_id else None

    def _on_selected(self, type_: str, **data: object) -> None:
        question = self._selected()
        if question is None:
            self.notify(self.t("questions.select_first"), severity="warning")
            return
        self.kiosk.steer(type_, id=question.id, **data)

    def select_next_waiting(self, after: str | None = None) -> bool:
        """Put the cursor on the next question that waits, after `after` (else after the cursor's row)."""
        waits = set(waiting_question_ids(self.kiosk.state))
        if not cursor_to_next_waiting(self.query_one(QuestionTable), waits, after):
            return False
        self._show_detail()
        return True

    def _approved(self, question_id: str) -> None:
        """After an approval the cursor goes on to the next question that waits, once the list is redrawn."""
        self.app.call_later(self.select_next_waiting, question_id)

    def action_approve(self) -> None:
        question = self._selected()
        if question is None or not question.needs_confirmation:
            if question is None:
                self._on_selected("question/approve")
            elif self.kiosk.steer("question/approve", id=question.id):
                self._approved(question.id)
            return
        # Held for a reason: showing it unchanged is asked twice; redacting (r) needs no question.
        asked = self.t(
            "feed.confirm_held", reason=self.t(f"held.{question.held_reason}"), text=question.text[:200]
        )

        def answered(yes: bool | None) -> None:
            if yes and self.kiosk.steer("question/approve", id=question.id, confirm=True):
                self._approved(question.id)

        self.app.push_screen(
            ConfirmScreen(asked, yes=self.t("feed.confirm_yes"), no=self.t("feed.confirm_no")), answered
        )

    def action_redact(self) -> None:
        """Replace what moderation found by "[naam]", "[adres]"... and approve, in one key."""
        question = self._selected()
        if question is None:
            self._on_selected("question/redact")
        elif self.kiosk.steer("question/redact", id=question.id, lang=self.kiosk.lang):
            self._approved(question.id)

    def action_hide(self) -> None:
        self._on_selected("question/hide")

    def action_answer(self, answer: str) -> None:
        """Mark the question answered now or to answer later; the same key again takes the mark off."""
        question = self._selected()
        self._on_selected(
            "question/answer", answer=None if question and question.answer == answer else answer
        )

    def action_on_display(self) -> None:
        self.kiosk.steer("display/questions", on=not self.kiosk.state.questions.on_display)

    def action_type_in(self) -> None:
        """A question asked aloud in the hall ("Vragen?" at the closing) goes on the list like the phones' ones."""

        def typed(text: str | None) -> None:
            if not text:
                return
            question_id = f"f-{secrets.token_hex(6)}"
            if self.kiosk.steer("question/add", id=question_id, text=text):
                typed_in = self.kiosk.state.questions.items.get(question_id)
                if typed_in is not None and typed_in.held_reason:
                    # Said aloud can name someone too: say so; it waits like a phone's held question.
                    reason = self.t(f"held.{typed_in.held_reason}")
                    self.notify(self.t("feed.typed_held", reason=reason), severity="warning", timeout=10)

        self.app.push_screen(TextPrompt(self.t("questions.type_in_question"), ""), typed)

    def action_edit(self) -> None:
        question = self._selected()
        if question is None:
            self.notify(self.t("questions.select_first"), severity="warning")
            return

        def edited(text: str | None) -> None:
            if text is not None:
                self.kiosk.steer("question/edit", id=question.id, text=text)

        self.app.push_screen(TextPrompt(self.t("questions.edit_question"), question.text), edited)
