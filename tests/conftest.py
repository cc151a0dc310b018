"""Shared fixtures: a clock the test moves by hand, and a small agenda."""

from __future__ import annotations

import os

import pytest

from kiosk.agenda.model import Agenda, Block, Prompt

# `kiosk run` and `kiosk serve` load deduce (1 GB, seconds) unless told otherwise; the tests that need the full name
# check ask for it, the others (and the kiosks they start as processes) use the kiosk's own rules.
os.environ.setdefault("KIOSK_NAME_CHECK", "rules")


class FakeClock:
    """Wall-clock seconds that only move when the test says so."""

    def __init__(self, start: float = 1_790_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def small_agenda() -> Agenda:
    """Three blocks: a welcome, a dialogue with two questions, a closing with a rating."""
    return Agenda(
        title="Proefavond",
        language="nl",
        blocks=(
            Block(0, "Welkom", 5, "welcome", lead="gespreksleider", points=("Waarom zijn we hier",)),
            Block(
                1,
                "Dialoog",
                45,
                "dialogue",
                prompts=(
                    Prompt("b2-q1", "open", "Wat gaat goed?", translations={"en": "What goes well?"}),
                    Prompt("b2-q2", "open", "Wat is moeilijk?"),
                ),
            ),
            Block(
                2,
                "Afsluiting",
                10,
                "closing",
                prompts=(
                    Prompt("b3-q1", "rating", "Wat vond je van deze avond?"),
                    Prompt("b3-q2", "choice", "Kom je weer?", options=("ja", "nee")),
                ),
            ),
        ),
    )


@pytest.fixture
def agenda() -> Agenda:
    return small_agenda()
