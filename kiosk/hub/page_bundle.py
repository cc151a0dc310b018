"""Each page as one answer: its CSS and its ES modules inline, the Dutch words and the language list with them.

The pages stay plain files in participant_web/ (no build step); the hub puts each one together when it is first
asked for, and again when a file changes. A phone on a hall's Wi-Fi then needs one request before its socket
opens instead of fifteen in four rounds: websockets' HTTP side closes the connection after every answer, so each
request costs a new TCP connection, two round trips on a slow network, and its own headers.

- `<link rel="stylesheet" href="/static/css/X.css">` becomes `<style>` with X.css (comments left out).
- `<script src="/static/js/X.js">` (a classic script: early-socket.js) goes inline as it is, comments left out.
- `<script type="module" src="/static/js/X.js">` becomes one inline module: X.js and every module it imports,
  each in its own function scope, in the order the browser would evaluate them. Our modules import with
  `import { a, b as c } from "./m.js";` and export with `export function|class|const|async function`; anything
  else is a BundleError (a test bundles every page).
- `<script type="application/json" id="boot">` carries the Dutch catalog (every page's fallback), the hashes of
  the other catalogs (so `/static/i18n/<lang>.json?v=<hash>` may be cached for good) and the language list.
- The Content-Security-Policy allows exactly these inline parts by their SHA-256 and nothing else inline.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kiosk.catalog import DEFAULT, PAGE_NAMESPACES, offered, page_part

_STYLESHEET = re.compile(r'<link rel="stylesheet" href="/static/(css/[\w.-]+\.css)">')
_MODULE = re.compile(r'<script type="module" src="/static/(js/[\w.-]+\.js)"></script>')
_CLASSIC = re.compile(r'<script src="/static/(js/[\w.-]+\.js)"></script>')
_IMPORT = re.compile(r'^import\s*\{([^}]*)\}\s*from\s*"\./([\w.-]+\.js)";?\s*$')
_EXPORT = re.compile(r"^export\s+((?:async\s+)?function\*?|class|const|let|var)\s+([A-Za-z_$][\w$]*)")
_NAME = re.compile(r"^[A-Za-z_$][\w$]*$")
# Keys as the pages write them: "phone.send", data-i18n="role.parent", data-i18n-attr="alt:display.qr_alt";
# and keys made as the page runs (`conn.${state}`, `questions.status.${s}`): their whole namespace is needed.
_LITERAL_KEY = re.compile(r"[\"`:]([a-z_]+\.[a-z_][\w.]*)")
_MADE_KEY = re.compile(r"`([a-z_]+)\.[\w.]*\$\{")
_PLURAL = re.compile(r"_(zero|one|two|few|many)$")
# A comment after code on its line: cut only where nothing before it could hide a string or a regular expression.
_TRAILING_COMMENT = re.compile(r"^([^/\\\"'`]*(?:\"[^\"\\/]*\"[^/\\\"'`]*)*)\s+// .*$")


class BundleError(ValueError):
    """A page's modules use a form of import or export the bundler does not take apart."""


@dataclass(frozen=True)
class Assembled:
    """A page put together: its bytes, the CSP that allows its inline parts, and its version (a content hash)."""

    body: bytes
    csp: str
    version: str


def digest(data: bytes) -> str:
    """A short content hash: the version in `?v=` and in ETags."""
    return hashlib.sha256(data).hexdigest()[:16]


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def lean_js(source: str) -> str:
    """The module without whole-line comments and indentation; line breaks stay, so no statement changes.

    A module with a template literal over several lines (an odd number of backticks on a line) is left alone.
    """
    lines = source.splitlines()
    if any(line.count("`") % 2 for line in lines if not line.strip().startswith(("//", "*", "/*"))):
        return source
    kept: list[str] = []
    in_comment = False
    for line in lines:
        text = line.strip()
        if in_comment:
            in_comment = "*/" not in text
            continue
        if text.startswith("//"):
            continue
        if text.startswith("/*") and (text.endswith("*/") or "*/" not in text):
            in_comment = "*/" not in text
            continue
        if text:
            trailing = _TRAILING_COMMENT.match(text)
            kept.append(trailing[1] if trailing else text)
    return "\n".join(kept) + "\n"


def lean_css(source: str) -> str:
    """The stylesheet without comments and indentation."""
    without = re.sub(r"/\*.*?\*/", "", source, flags=re.DOTALL)
    return "\n".join(line.strip() for line in without.splitlines() if line.strip()) + "\n"


def _scope_name(module: str) -> str:
    return "$m_" + re.sub(r"\W", "_", module.removesuffix(".js"))


def _split_module(name: str, source: str) -> tuple[list[tuple[str, str]], list[str], str]:
    """(imports as (names, module), exported names, the body with import lines gone and `export ` taken off)."""
    imports: list[tuple[str, str]] = []
    exports: list[str] = []
    body: list[str] = []
    for line in source.splitlines():
        if line.startswith("import"):
            found = _IMPORT.match(line)
            if found is None:
                raise BundleError(f"{name}: an import the bundler does not take: {line.strip()}")
            imports.append((found[1], found[2]))
            continue
        if line.startswith("export"):
            found = _EXPORT.match(line)
            if found is None:
                raise BundleError(f"{name}: an export the bundler does not take: {line.strip()}")
            exports.append(found[2])
            line = line[len("export") :].lstrip()
        elif "import(" in line or "import.meta" in line:
            raise BundleError(f"{name}: dynamic imports and import.meta are not bundled")
        body.append(line)
    return imports, exports, "\n".join(body)


def _bindings(names: str, module: str) -> str:
    pairs = []
    for part in names.split(","):
        words = part.split()
        if not words:
            continue
        if len(words) == 3 and words[1] == "as" and _NAME.match(words[0]) and _NAME.match(words[2]):
            pairs.append(f"{words[0]}: {words[2]}")
        elif len(words) == 1 and _NAME.match(words[0]):
            pairs.append(words[0])
        else:
            raise BundleError(f"{module}: an import list the bundler does not take: {names}")
    return f"const {{ {', '.join(pairs)} }} = {_scope_name(module)};"


def bundle(js_dir: Path, entry: str) -> str:
    """`entry` and every module it imports (from js_dir) as one module's source."""
    order: list[str] = []
    parts: dict[str, tuple[list[tuple[str, str]], list[str], str]] = {}
    visiting: set[str] = set()

    def visit(name: str) -> None:
        if name in parts:
            return
        if name in visiting:
            raise BundleError(f"{name}: modules import each other in a circle")
        path = js_dir / name
        if not path.is_file():
            raise BundleError(f"{name}: imported, but there is no such module")
        visiting.add(name)
        split = _split_module(name, lean_js(path.read_text(encoding="utf-8")))
        for _names, module in split[0]:
            visit(module)  # depth first, imports in order: the order a browser evaluates them in
        visiting.discard(name)
        parts[name] = split
        order.append(name)

    visit(entry)
    chunks = []
    for name in order:
        imports, exports, body = parts[name]
        head = "\n".join(_bindings(names, module) for names, module in imports)
        tail = f"return {{ {', '.join(exports)} }};" if exports else ""
        chunks.append(f"// {name}\nconst {_scope_name(name)} = (() => {{\n{head}\n{body}\n{tail}\n}})();")
    return "\n".join(chunks) + "\n"


@lru_cache(maxsize=16)
def page_catalog(path: Path, mtime_ns: int, size: int) -> bytes:
    """A language's catalog as the pages need it: their namespaces only, compact (the app's, CLI's and
    report's texts stay on the laptop); read again when the file changes."""
    raw = path.read_bytes()
    try:
        table = json.loads(raw)
    except ValueError:
        return raw  # not ours to fix: the page's loader falls back to Dutch
    if not isinstance(table, dict):
        return raw
    part = page_part({k: v for k, v in table.items() if isinstance(k, str) and isinstance(v, str)})
    return json.dumps(part, ensure_ascii=False, separators=(",", ":")).encode()


def catalog_bytes(path: Path) -> bytes:
    stat = path.stat()
    return page_catalog(path, stat.st_mtime_ns, stat.st_size)


def boot_data(web_dir: Path, source: str) -> dict[str, object]:
    """What a page needs before its socket opens and would otherwise ask for one request at a time: the Dutch
    words of the namespaces its `source` (HTML and scripts) uses, the other catalogs' versions, the languages."""
    i18n = web_dir / "i18n"
    versions = {path.stem: digest(catalog_bytes(path)) for path in sorted(i18n.glob("*.json"))}
    fallback = i18n / f"{DEFAULT}.json"
    table = json.loads(catalog_bytes(fallback)) if fallback.is_file() else {}
    made = {found for found in _MADE_KEY.findall(source) if found in PAGE_NAMESPACES}
    literal = set(_LITERAL_KEY.findall(source))

    def needed(key: str) -> bool:
        return key.startswith("_") or key.split(".", 1)[0] in made or _PLURAL.sub("", key) in literal

    catalog = {k: v for k, v in table.items() if needed(k)}
    return {"lang": DEFAULT, "catalog": catalog, "catalogs": versions, "languages": offered(i18n)}


def assemble(web_dir: Path, html_name: str, base_csp: str) -> Assembled:
    """The page `html_name` with its stylesheets, modules and boot data inline; raises OSError or BundleError."""
    html = (web_dir / html_name).read_text(encoding="utf-8")
    styles: list[str] = []
    scripts: list[str] = []

    def inline_style(found: re.Match[str]) -> str:
        css = lean_css((web_dir / found[1]).read_text(encoding="utf-8"))
        styles.append(_csp_hash(css))
        return f"<style>{css}</style>"

    def inline_module(found: re.Match[str]) -> str:
        js_path = Path(found[1])
        code = bundle(web_dir / js_path.parent, js_path.name)
        if "</script" in code.lower() or "<!--" in code:
            raise BundleError(f"{js_path.name}: its code would end the inline script early")
        scripts.append(_csp_hash(code))
        return f'<script type="module">{code}</script>'

    def inline_classic(found: re.Match[str]) -> str:
        code = lean_js((web_dir / found[1]).read_text(encoding="utf-8"))
        if (
            "</script" in code.lower()
            or "<!--" in code
            or re.search(r"^\s*(import|export)\b", code, re.MULTILINE)
        ):
            raise BundleError(f"{found[1]}: not a classic script that can go inline")
        scripts.append(_csp_hash(code))
        return f"<script>{code}</script>"

    html = _STYLESHEET.sub(inline_style, html)
    html = _CLASSIC.sub(inline_classic, html)
    html = _MODULE.sub(inline_module, html)
    boot = json.dumps(boot_data(web_dir, html), ensure_ascii=False, separators=(",", ":")).replace(
        "<", "\\u003c"
    )
    html = html.replace("</head>", f'<script type="application/json" id="boot">{boot}</script>\n</head>', 1)
    body = html.encode()
    csp = base_csp.replace("script-src 'self'", " ".join(["script-src 'self'", *scripts]), 1).replace(
        "style-src 'self'", " ".join(["style-src 'self'", *styles]), 1
    )
    return Assembled(body, csp, digest(body))
