"""A calm line at the top of every screen while the evening cannot be stored (disk full, read-only)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class StorageBanner(Static):
    """Hidden while storing works; shows what is wrong and that nothing confirmed is lost when it does not."""

    DEFAULT_CSS = """
    StorageBanner { dock: top; height: auto; padding: 0 1; background: $warning 30%; color: $text; display: none; }
    StorageBanner.-shown { display: block; }
    """

    def show_problem(self, sentence: str | None) -> None:
        """The sentence to show, or None when storing works again."""
        self.set_class(sentence is not None, "-shown")
        self.update(Text(sentence or ""))
