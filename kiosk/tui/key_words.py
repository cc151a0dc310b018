"""Keys are declared with catalog keys as their texts; these put them in the kiosk's language."""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding
from textual.dom import DOMNode

from kiosk.tui.i18n import Translator


def translate_binding(binding: Binding, t: Translator) -> Binding:
    """A binding declared with catalog keys as texts, in the kiosk's language."""
    group = binding.group
    return replace(
        binding,
        description=t(binding.description) if binding.description else "",
        tooltip=t(binding.tooltip) if binding.tooltip else "",
        group=replace(group, description=t(group.description)) if group is not None else None,
    )


def translate_bindings(node: DOMNode, t: Translator) -> None:
    """Bindings are declared with string keys as descriptions; show them in the kiosk's language."""
    bindings = node._bindings.key_to_bindings
    for key, group in bindings.items():
        bindings[key] = [translate_binding(b, t) for b in group]
