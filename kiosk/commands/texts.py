"""What the command line says: the `cli.` part of the message catalog, Dutch by default, English with `--lang en`."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from kiosk.catalog import FULL_LANGUAGES, text

_help_lang = "nl"  # the language of --help, known before the parser is built (see help_language)


def say(lang: str, key: str, **params: Any) -> str:
    """A sentence of the command line in `lang` (Dutch when the language is unknown)."""
    return text(lang if lang in FULL_LANGUAGES else "nl", f"cli.{key}", **params)


def help_language(argv: Sequence[str]) -> str:
    """The --lang of a command line, read before argparse (the help texts are made with the parser); nl else."""
    global _help_lang
    lang = "nl"
    for n, arg in enumerate(argv):
        if arg == "--lang" and n + 1 < len(argv):
            lang = argv[n + 1]
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
    _help_lang = lang if lang in FULL_LANGUAGES else "nl"
    return _help_lang


def hint(key: str, **params: Any) -> str:
    """The help text of an option (`cli.help.<key>`) in the language of this command line."""
    return say(_help_lang, f"help.{key}", **params).replace("%", "%%")  # argparse formats help with %


class HelpFormatter(argparse.HelpFormatter):
    """argparse's own words ("usage:") in the language of this command line."""

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, prefix if prefix is not None else hint("argparse.usage"))


def localise(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Section titles and -h's help in the language of this command line (argparse has no Dutch of its own)."""
    parser.formatter_class = HelpFormatter
    parser._positionals.title = hint("argparse.positionals")
    parser._optionals.title = hint("argparse.options")
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            action.help = hint("argparse.help")
    return parser
