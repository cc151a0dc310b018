"""The pages' modules in one script: what the bundler takes apart, what it leaves alone, what it refuses."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.hub.page_bundle import BundleError, bundle, lean_css, lean_js


def modules(folder: Path, **sources: str) -> Path:
    for name, source in sources.items():
        (folder / f"{name}.js").write_text(source, encoding="utf-8")
    return folder


def test_modules_come_in_the_order_a_browser_evaluates_them_each_in_its_own_scope(tmp_path: Path) -> None:
    modules(
        tmp_path,
        words='const MAX = 3;\nexport function t(key) {\n  return key;\n}\nexport const LANG = "nl";\n',
        view='import { t as say } from "./words.js";\nconst MAX = 5;\nexport class View {}\n',
        main='import { View } from "./view.js";\nimport { t, LANG } from "./words.js";\nnew View();\n',
    )
    code = bundle(tmp_path, "main.js")
    assert code.index("// words.js") < code.index("// view.js") < code.index("// main.js")
    assert code.count("// words.js") == 1  # imported twice, evaluated once
    assert "return { t, LANG };" in code and "return { View };" in code
    assert "const { t: say } = $m_words;" in code and "const { t, LANG } = $m_words;" in code
    assert "export " not in code and "import " not in code
    # Two modules' own `const MAX` live in two function scopes, so they do not clash.
    assert code.count("const MAX") == 2


@pytest.mark.parametrize(
    ("sources", "complaint"),
    [
        ({"main": 'import Words from "./words.js";\n', "words": ""}, "an import the bundler does not take"),
        ({"main": "export default function f() {}\n"}, "an export the bundler does not take"),
        ({"main": 'const m = import("./words.js");\n'}, "dynamic imports"),
        (
            {
                "main": 'import { a } from "./b.js";\n',
                "b": 'import { c } from "./main.js";\nexport const a = 1;\n',
            },
            "circle",
        ),
        ({"main": 'import { a } from "./gone.js";\n'}, "no such module"),
    ],
)
def test_forms_the_bundler_does_not_take_are_refused(
    tmp_path: Path, sources: dict[str, str], complaint: str
) -> None:
    with pytest.raises(BundleError, match=complaint):
        bundle(modules(tmp_path, **sources), "main.js")


def test_comments_and_indentation_go_and_every_statement_keeps_its_line() -> None:
    source = (
        "// a module\n/** A doc\n * comment. */\nexport function f(a) {\n"
        "  // why\n  const url = `${a}//x`; // kept: not a whole line\n  return a / 2; /* kept */\n}\n"
    )
    assert lean_js(source) == (
        "export function f(a) {\nconst url = `${a}//x`; // kept: not a whole line\nreturn a / 2; /* kept */\n}\n"
    )


def test_a_module_with_a_template_literal_over_several_lines_is_left_as_it_is() -> None:
    source = "const html = `\n  // not a comment\n`;\n"
    assert lean_js(source) == source


def test_stylesheets_lose_comments_and_indentation() -> None:
    assert lean_css("/* colours */\n.a {\n  color: red; /* why */\n}\n") == ".a {\ncolor: red;\n}\n"
