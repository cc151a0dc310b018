// Translations: flat JSON files per language, Dutch as the default and the fallback for missing keys.

const FALLBACK = "nl";
const STORE_KEY = "kiosk.lang";
const RTL = new Set(["ar", "he", "fa", "ur"]);
const CODE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;

// Languages offered by the switch; any other file under /static/i18n/ works through ?lang=.
export const LANGUAGES = { nl: "Nederlands", en: "English", ar: "العربية" };

let fallback = {};
let middle = {}; // a file's own "_fallback" language, e.g. ar falls back to English before Dutch
let strings = {};
let lang = FALLBACK;
const listeners = [];

async function load(code) {
  const response = await fetch(`/static/i18n/${code}.json`, { cache: "no-cache" });
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

/** The language to start in: ?lang=, then the visitor's earlier choice, then English browsers, else Dutch. */
export function preferredLang() {
  const asked = new URLSearchParams(location.search).get("lang");
  if (asked && CODE.test(asked)) return asked;
  const saved = remembered();
  if (saved && CODE.test(saved)) return saved;
  const browser = (navigator.languages && navigator.languages[0]) || navigator.language || "";
  return browser.toLowerCase().startsWith("en") ? "en" : FALLBACK;
}

export function currentLang() {
  return lang;
}

/** The text for a key in the current language, Dutch when missing; {name} placeholders are filled in. */
export function t(key, params = {}) {
  const text = strings[key] ?? middle[key] ?? fallback[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** A count phrase in the page's language: `<key>_<plural category>` ("_one", "_few", ...) when the language
 * has one, else `<key>`; `{n}` is the count. */
export function tn(key, n, params = {}) {
  let category = "other";
  try {
    category = new Intl.PluralRules(currentLang()).select(n);
  } catch {
    // an unknown language tag: the plain key
  }
  const specific = `${key}_${category}`;
  return t(has(specific) ? specific : key, { n, ...params });
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

/** Switch language: load its file, set <html lang dir>, translate the page and tell the listeners. */
export async function setLang(code, { remember = false } = {}) {
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

/** Wire a <select> as the visible language switch; the choice is remembered. */
export function bindSwitch(select) {
  select.replaceChildren();
  const codes = Object.keys(LANGUAGES);
  if (!codes.includes(lang)) codes.push(lang);
  for (const code of codes) {
    const option = document.createElement("option");
    option.value = code;
    option.lang = code;
    option.textContent = LANGUAGES[code] || code;
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
