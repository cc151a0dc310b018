// Building DOM from data: text always goes in as text, so user input can never become markup.

/** el("li", {class: "x", dataset: {id}}, "text", child) */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") node.className = value;
    else if (name === "dataset") Object.assign(node.dataset, value);
    else if (name === "text") node.textContent = value;
    else if (name.startsWith("on") && typeof value === "function") node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" || typeof child === "number" ? String(child) : child);
  }
  return node;
}

export function byId(id) {
  return document.getElementById(id);
}

/** Show or hide an element with the hidden attribute (styles stay in CSS, never inline). */
export function show(node, visible) {
  node.hidden = !visible;
}

/**
 * Bring a list in line with `items` by key: unchanged rows stay (with their focus), changed rows are rebuilt,
 * so a live update never steals the button a finger or keyboard is on. `build(item)` returns an <li>; a
 * button inside it with data-focus="name" gets the focus back when its row is rebuilt.
 */
export function syncList(list, items, keyOf, build, signatureOf = (item) => JSON.stringify(item)) {
  const old = new Map([...list.children].map((node) => [node.dataset.key, node]));
  items.forEach((item, index) => {
    const key = String(keyOf(item));
    const signature = signatureOf(item);
    let node = old.get(key);
    old.delete(key);
    if (!node || node.dataset.sig !== signature) {
      const fresh = build(item);
      fresh.dataset.key = key;
      fresh.dataset.sig = signature;
      const focused = node && node.contains(document.activeElement) ? document.activeElement.dataset.focus : null;
      if (node) node.replaceWith(fresh);
      node = fresh;
      if (focused) node.querySelector(`[data-focus="${focused}"]`)?.focus();
    }
    const at = list.children[index];
    if (at !== node) list.insertBefore(node, at || null);
  });
  for (const node of old.values()) node.remove();
}

/** A count badge that reads as a sentence ("3 keer herkend") and shows only the number. */
export function badge(count, spoken) {
  return el("span", { class: "badge" }, el("span", { "aria-hidden": "true" }, String(count)),
    el("span", { class: "visually-hidden" }, spoken));
}

const UTF8 = new TextEncoder();

/** A text's size as the kiosk counts it: its characters, or half its UTF-8 bytes when that is more (an emoji
 * counts as two), so the counter reaches the limit exactly where the hub would refuse (kiosk/core/text.py). */
export function textSize(text) {
  return Math.max([...text].length, Math.ceil(UTF8.encode(text).length / 2));
}
