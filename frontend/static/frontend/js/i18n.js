// The interface speaks Dutch and English. The tables live in ../i18n/<lang>.json; the language
// follows the profile when signed in, else what was chosen on this device, else the browser.
const SUPPORTED = ["nl", "en"];
const STORAGE_KEY = "tweespraak.language";
const tables = {};
let current = "nl";

export function browserLanguage() {
  const chosen = localStorage.getItem(STORAGE_KEY);
  if (SUPPORTED.includes(chosen)) return chosen;
  for (const tag of navigator.languages || [navigator.language]) {
    const code = (tag || "").slice(0, 2).toLowerCase();
    if (SUPPORTED.includes(code)) return code;
  }
  return "nl";
}

async function load(language) {
  if (!tables[language]) {
    const url = new URL(`../i18n/${language}.json`, import.meta.url);
    const response = await fetch(url);
    tables[language] = await response.json();
  }
}

export async function setLanguage(language, { remember = true } = {}) {
  if (!SUPPORTED.includes(language)) language = "nl";
  await load(language);
  current = language;
  document.documentElement.lang = language;
  if (remember) localStorage.setItem(STORAGE_KEY, language);
}

export function language() {
  return current;
}

export function t(key, vars = {}) {
  const text = tables[current]?.[key] ?? tables.en?.[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (name in vars ? String(vars[name]) : `{${name}}`));
}

export const LANGUAGES = [
  { value: "nl", label: "Nederlands" },
  { value: "en", label: "English" },
];

export function countryName(code) {
  try {
    return new Intl.DisplayNames([current], { type: "region" }).of(code) || code;
  } catch {
    return code;
  }
}
