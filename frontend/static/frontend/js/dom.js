// Small helpers to build the screens with DOM calls only: the Content-Security-Policy allows no
// inline script, inline style or HTML strings from the server, and none are needed.
import { t } from "./i18n.js";

export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") el.className = value;
    else if (key === "text") el.textContent = value;
    else if (key.startsWith("on") && typeof value === "function") {
      el.addEventListener(key.slice(2), value);
    } else if (key === "value" && "value" in el) el.value = value;
    else if (value === true) el.setAttribute(key, "");
    else el.setAttribute(key, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

let fieldCounter = 0;

// A labelled control with a hint and an error slot the screen reader hears with the field.
export function field({ name, label, type = "text", value = "", hint, options, ...attrs }) {
  const id = `f-${name}-${++fieldCounter}`;
  const describedBy = [`${id}-error`];
  const hintEl = hint ? h("p", { class: "hint", id: `${id}-hint` }, hint) : null;
  if (hintEl) describedBy.unshift(`${id}-hint`);
  let control;
  const common = { id, name, "aria-describedby": describedBy.join(" "), ...attrs };
  if (type === "textarea") {
    control = h("textarea", { rows: 5, ...common });
    control.value = value ?? "";
  } else if (type === "select") {
    control = h(
      "select",
      common,
      options.map((o) => h("option", { value: o.value, selected: o.value === value }, o.label)),
    );
  } else {
    control = h("input", { type, value: value ?? "", ...common });
  }
  return h(
    "div",
    { class: "field", "data-field": name },
    h("label", { for: id }, label),
    hintEl,
    control,
    h("p", { class: "field-error", id: `${id}-error`, hidden: true }),
  );
}

export function formError() {
  return h("p", { class: "form-error", role: "alert", hidden: true });
}

export function clearErrors(form) {
  for (const el of form.querySelectorAll(".field-error, .form-error")) {
    el.textContent = "";
    el.hidden = true;
  }
  for (const el of form.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
}

// Show an ApiError next to its fields; whatever has no field goes to the form's own slot.
export function showErrors(form, error) {
  clearErrors(form);
  const rest = [];
  for (const [name, messages] of Object.entries(error.fields || {})) {
    const wrapper = form.querySelector(`[data-field="${CSS.escape(name)}"]`);
    const text = [].concat(messages).join(" ");
    if (!wrapper) {
      rest.push(text);
      continue;
    }
    const slot = wrapper.querySelector(".field-error");
    slot.textContent = text;
    slot.hidden = false;
    wrapper.querySelector("input, select, textarea")?.setAttribute("aria-invalid", "true");
  }
  const slot = form.querySelector(".form-error");
  const message = rest.length ? rest.join(" ") : error.fields ? "" : error.message;
  if (slot && (message || !Object.keys(error.fields || {}).length)) {
    slot.textContent = message || error.message || t("error.generic");
    slot.hidden = false;
  }
  form.querySelector("[aria-invalid]")?.focus();
}

// Run a form submit with its button disabled and errors shown where they belong.
export function onSubmit(form, handler) {
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = form.querySelector("button[type=submit]");
    if (button) button.disabled = true;
    clearErrors(form);
    try {
      await handler(new FormData(form));
    } catch (error) {
      if (!error || !error.code) throw error;
      showErrors(form, error);
    } finally {
      if (button) button.disabled = false;
    }
  });
  return form;
}

export function screen(title, ...children) {
  return h(
    "section",
    { class: "screen" },
    h("h1", { tabindex: "-1", class: "screen-title" }, title),
    ...children,
  );
}

export function link(href, label, cls) {
  return h("a", { href, class: cls }, label);
}

export function loading() {
  return h("div", { class: "state state-loading", role: "status" }, h("span", { class: "spinner" }), t("state.loading"));
}

export function empty(message) {
  return h("p", { class: "state state-empty" }, message);
}

export function errorState(error, retry) {
  return h(
    "div",
    { class: "state state-error", role: "alert" },
    h("p", {}, error?.message || t("error.generic")),
    retry ? h("button", { type: "button", class: "button secondary", onclick: retry }, t("action.retry")) : null,
  );
}

// A part of a screen that loads on its own: a spinner first, then the content or an error
// with a retry, so one slow or missing endpoint never blanks the whole screen.
export function deferred(load, draw) {
  const box = h("div", { class: "deferred", "aria-live": "polite" }, loading());
  const run = async () => {
    box.replaceChildren(loading());
    try {
      box.replaceChildren(draw(await load()));
    } catch (error) {
      box.replaceChildren(errorState(error, run));
    }
  };
  run();
  return box;
}
