"""The keys of the current screen along the bottom, wrapped onto more lines when the terminal is narrow."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.binding import ActiveBinding
from textual.dom import DOMNode
from textual.geometry import Size
from textual.screen import Screen
from textual.widget import Widget

# Always at the end of the bar, in this order, so they sit in the same place on every screen; the screen keys
# (actions `show(...)`) always lead.
LAST_KEYS = ("question_mark", "q", "ctrl+p")
GAP = 2  # cells between two keys


@dataclass(frozen=True)
class KeyUnit:
    """One entry of the bar: one key, or a group of keys under one description ("n/p block")."""

    keys: str
    description: str
    action: str
    node: DOMNode
    enabled: bool

    @property
    def width(self) -> int:
        return len(self.keys) + 1 + len(self.description)


def key_label(app_key_display: str, key: str) -> str:
    """How a key reads in the bar: `space`, `^e`, `?`."""
    return app_key_display if app_key_display else key


def group_keys(keys: list[str]) -> str:
    """Keys of one group: `1-4` for a run of digits, else joined with a slash."""
    if len(keys) > 2 and all(k.isdigit() and len(k) == 1 for k in keys):
        numbers = [int(k) for k in keys]
        if numbers == list(range(numbers[0], numbers[0] + len(numbers))):
            return f"{keys[0]}-{keys[-1]}"
    return "/".join(keys)


def units_of(screen: Screen[object]) -> list[KeyUnit]:
    """The shown bindings of a screen as bar entries: groups merged, the help, quit and palette keys last."""
    app = screen.app
    active: dict[str, ActiveBinding] = screen.active_bindings
    grouped: dict[str, list[tuple[str, ActiveBinding]]] = {}
    for key, item in active.items():
        if not item.binding.show:
            continue
        group = item.binding.group
        # One entry per group, and per binding of several keys ("x,delete" reads "x/del").
        name = (
            f"group:{group.description}"
            if group is not None
            else f"action:{id(item.node)}:{item.binding.action}"
        )
        grouped.setdefault(name, []).append((key, item))
    units: list[KeyUnit] = []
    last: dict[str, KeyUnit] = {}
    for name, members in grouped.items():
        # In the order the screen declares them, one entry per binding ("plus,equals_sign" is one "+").
        order = list(members[0][1].node._bindings.key_to_bindings)
        members.sort(key=lambda member: order.index(member[0]) if member[0] in order else len(order))
        keys: list[str] = []
        for key, item in members:
            label = key_label(app.get_key_display(item.binding), key)
            if label not in keys:
                keys.append(label)
        first_key, first = members[0]
        group = first.binding.group
        unit = KeyUnit(
            keys=group_keys(keys),
            description=group.description if group is not None else first.binding.description,
            action=first.binding.action,
            node=first.node,
            enabled=all(item.enabled for _, item in members),
        )
        if group is None and first_key in LAST_KEYS:
            last[first_key] = unit
        elif first.binding.action.startswith("show("):
            units.insert(0, unit)  # the screen keys lead, in the same place on every screen
        else:
            units.append(unit)
    return units + [last[key] for key in LAST_KEYS if key in last]


def lay_out(units: list[KeyUnit], width: int) -> list[list[KeyUnit]]:
    """Fill lines from the left; a key that does not fit on this line starts the next one."""
    lines: list[list[KeyUnit]] = [[]]
    used = 0
    for unit in units:
        need = unit.width + (GAP if lines[-1] else 1)
        if lines[-1] and used + need > width:
            lines.append([])
            used = 0
            need = unit.width + 1
        lines[-1].append(unit)
        used += need
    return lines


class KeyBar(Widget):
    """Like Textual's footer, but every key stays in sight: the bar takes a second line rather than cut keys."""

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: auto;
        background: $footer-background;
        color: $footer-foreground;
    }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._lines: list[list[KeyUnit]] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen:
            self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(lay_out(units_of(self.screen), width))

    def render(self) -> Text:
        self._lines = lay_out(units_of(self.screen), self.size.width)
        key_style = "bold " + str(self.app.current_theme.accent or "")
        text = Text(no_wrap=True, overflow="ellipsis")
        for row, line in enumerate(self._lines):
            if row:
                text.append("\n")
            for index, unit in enumerate(line):
                text.append(" " * (GAP if index else 1))
                dim = "" if unit.enabled else " dim"
                text.append(unit.keys, style=key_style + dim)
                text.append(" " + unit.description, style="dim" if not unit.enabled else "")
        return text

    async def on_click(self, event: events.Click) -> None:
        """A click on a key does what the key does."""
        if not 0 <= event.y < len(self._lines):
            return
        x = 0
        for index, unit in enumerate(self._lines[event.y]):
            x += GAP if index else 1
            if x <= event.x < x + unit.width:
                if unit.enabled:
                    await self.app.run_action(unit.action, unit.node)
                return
            x += unit.width
