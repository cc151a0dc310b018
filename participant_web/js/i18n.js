// Translations: flat JSON files per language, Dutch as the default and the fallback for missing keys.

import { bootData } from "./boot.js";

const FALLBACK = "nl";
const STORE_KEY = "kiosk.lang";
const RTL = new Set(["ar", "he", "fa", "ur"]);
const CODE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;

// The switch offers every catalog the hub has (/languages.json, each in its own name); this list only stands in
// when that cannot be read, and any other file under /static/i18n/ works through ?lang= as well.
const KNOWN = [{ code: "nl", name: "Nederlands" }, { code: "en", name: "English" }];

let fallback = {};
let middle = {}; // a file's own "_fallback" language, e.g. ar falls back to English before Dutch
let strings = {};
let lang = FALLBACK;
const listeners = [];

async function load(code) {
  // Dutch comes with the page; another catalog asked for by its version may come from the browser's cache.
  const boot = bootData();
  if (code === boot.lang && boot.catalog) return boot.catalog;
  const version = boot.catalogs && boot.catalogs[code];
  const url = version ? `/static/i18n/${code}.json?v=${version}` : `/static/i18n/${code}.json`;
  const response = await fetch(url, { cache: version ? "default" : "no-cache" });
  if (!response.ok) throw new Error(`no translations for ${code}`);
  return response.json();
}

function remembered() {
  try {
    return localStorage.getItem(STORE_KEY);
  } catch {
    return null;
  }
}

/** The language to start in: ?lang=, then the visitor's earlier choice, else the browser's languages in its own
 * order (a list: setLang takes the first the pages speak, and Dutch when they speak none of them). */
export function preferredLang() {
  const asked = new URLSearchParams(location.search).get("lang");
  if (asked && CODE.test(asked)) return asked;
  const saved = remembered();
  if (saved && CODE.test(saved)) return saved;
  const tags = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
  const bases = tags.map((tag) => String(tag).toLowerCase().split("-")[0]).filter((code) => CODE.test(code));
  return [...new Set(bases), FALLBACK];
}

export function currentLang() {
  return lang;
}

/** The text for a key in the current language, Dutch when missing; {name} placeholders are filled in. */
export function t(key, params = {}) {
  const text = strings[key] ?? middle[key] ?? fallback[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** A counted text: `key_one`, `key_few`, ... as the language's plural rules pick for n; the bare key is "other". */
export function tn(key, n, params = {}) {
  let category = "other";
  try {
    category = new Intl.PluralRules(lang).select(n);
  } catch {
    // an unknown locale: "other" is always there
  }
  const chosen = category !== "other" && has(`${key}_${category}`) ? `${key}_${category}` : key;
  return t(chosen, { n, ...params });
}

export function has(key) {
  return key in strings || key in middle || key in fallback;
}

/** Fill every element marked data-i18n (text) and data-i18n-attr ("attr:key;attr:key"). */
export function translatePage(root = document) {
  for (const el of root.querySelectorAll("[data-i18n]")) {
    el.textContent = t(el.dataset.i18n);
  }
  for (const el of root.querySelectorAll("[data-i18n-attr]")) {
    for (const pair of el.dataset.i18nAttr.split(";")) {
      const [attr, key] = pair.split(":");
      if (attr && key) el.setAttribute(attr.trim(), t(key.trim()));
    }
  }
}

/** Switch language: load its file, set <html lang dir>, translate the page and tell the listeners. `code` may be a
 * list of languages, best first: the first the hub offers is taken. */
export async function setLang(code, { remember = false } = {}) {
  if (Array.isArray(code)) {
    const spoken = new Set((await offered()).map((item) => item && item.code));
    code = code.find((candidate) => spoken.has(candidate)) || FALLBACK;
  }
  if (!CODE.test(code)) code = FALLBACK;
  if (!Object.keys(fallback).length) fallback = await load(FALLBACK);
  try {
    strings = code === FALLBACK ? fallback : await load(code);
    lang = code;
  } catch {
    strings = fallback;
    lang = FALLBACK;
  }
  middle = {};
  const via = strings._fallback;
  if (typeof via === "string" && CODE.test(via) && via !== lang && via !== FALLBACK) {
    try {
      middle = await load(via);
    } catch {
      // the named fallback is missing: Dutch still covers every key
    }
  }
  if (remember) {
    try {
      localStorage.setItem(STORE_KEY, lang);
    } catch {
      // private mode: the choice lasts for this page only
    }
  }
  document.documentElement.lang = lang;
  document.documentElement.dir = RTL.has(lang.split("-")[0]) ? "rtl" : "ltr";
  translatePage();
  for (const listener of listeners) listener(lang);
  return lang;
}

export function onLangChange(listener) {
  listeners.push(listener);
}

let offering = null; // asked once per page: the start and the switch both need it

function offered() {
  offering ??= (async () => {
    // The page brings the list with it; an older hub (or a page assembled without it) is asked.
    if (Array.isArray(bootData().languages) && bootData().languages.length) return bootData().languages;
    try {
      const response = await fetch("/languages.json", { cache: "no-cache" });
      if (response.ok) {
        const list = await response.json();
        if (Array.isArray(list) && list.length) return list;
      }
    } catch {
      // offline or an older hub: the known ones and the current language
    }
    return KNOWN;
  })();
  return offering;
}

/** Wire a <select> as the visible language switch, each language in its own name; the choice is remembered. */
export async function bindSwitch(select) {
  const languages = (await offered()).filter((item) => item && CODE.test(item.code));
  if (!languages.some((item) => item.code === lang)) languages.push({ code: lang, name: strings._name || lang });
  select.replaceChildren();
  for (const { code, name } of languages) {
    const option = document.createElement("option");
    option.value = code;
    option.lang = code;
    option.dir = RTL.has(code.split("-")[0]) ? "rtl" : "ltr";
    option.textContent = name || code;
    select.append(option);
  }
  select.value = lang;
  select.addEventListener("change", () => setLang(select.value, { remember: true }));
  onLangChange((code) => {
    select.value = code;
  });
}

/** Prompt text in the current language when the agenda carries a translation. */
export function promptText(prompt) {
  return (prompt.translations && prompt.translations[lang]) || prompt.text;
}

export function promptOptions(prompt) {
  return (prompt.option_translations && prompt.option_translations[lang]) || prompt.options || [];
}
