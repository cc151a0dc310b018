"""Reading markdown-it's syntax tree: plain text and line numbers of headings, paragraphs and list items."""

from __future__ import annotations

from markdown_it.tree import SyntaxTreeNode


def inline_text(node: SyntaxTreeNode) -> str:
    """The plain text of an inline node: markup dropped, line breaks kept as newlines."""
    parts: list[str] = []
    for child in node.children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type != "html_inline":
            parts.append(inline_text(child))
    return "".join(parts)


def line_of(node: SyntaxTreeNode) -> int:
    """The 1-based line where a node starts."""
    return node.map[0] + 1 if node.map else 0


def paragraph_lines(node: SyntaxTreeNode) -> list[tuple[int, str]]:
    """Each source line of a paragraph with its 1-based number (a softbreak is one source line)."""
    text = "".join(inline_text(child) for child in node.children if child.type == "inline")
    return [(line_of(node) + i, part.strip()) for i, part in enumerate(text.split("\n"))]


def node_text(node: SyntaxTreeNode) -> str:
    """Plain text of a heading, paragraph or list item's own paragraphs, lines joined by spaces."""
    if node.type == "list_item":
        return " ".join(node_text(c) for c in node.children if c.type == "paragraph").strip()
    return " ".join(text for _, text in paragraph_lines(node) if text)


def item_children(item: SyntaxTreeNode) -> list[SyntaxTreeNode]:
    """The items of lists nested in a list item."""
    return [sub for c in item.children if c.type in ("bullet_list", "ordered_list") for sub in c.children]


def is_list(node: SyntaxTreeNode) -> bool:
    return node.type in ("bullet_list", "ordered_list")
