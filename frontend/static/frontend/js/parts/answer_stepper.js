// Answering one prompt per screen: "Question 2 of 5", Back and Next, and the review as the last
// step. The prompts themselves (controls, autosave) stay with the caller; this only decides
// which one is on screen. Used by the couple session and meant for the solo one as well.
import { h } from "../dom.js";
import { t } from "../i18n.js";

// `items` are the prompts' <li> nodes (each with data-prompt), in order. `review` is the
// review button, `summary` the review section (shown instead of the prompts once opened).
export function answerStepper(items, { review, summary }) {
  const total = items.length;
  let index = 0;
  const progress = h("p", { class: "step-progress", "data-testid": "step-progress", "aria-live": "polite" });
  // The same dots as the reveal, for the eye only: the line above says it in words.
  const dots = h("ol", { class: "progress-dots", "aria-hidden": "true" }, items.map(() => h("li", {})));
  const list = h("ol", { class: "prompts" }, items);
  const back = h("button", { type: "button", class: "button secondary", "data-testid": "step-back", onclick: () => show(index - 1, true) }, t("session.step_back"));
  const next = h("button", { type: "button", class: "button", "data-testid": "step-next", onclick: () => show(index + 1, true) }, t("session.step_next"));
  const nav = h("div", { class: "step-nav" }, back, next);
  // What sent the person back here (the lock naming a missing prompt) stays above the prompt.
  const note = h("div", { class: "step-note" });
  const stage = h("div", { class: "stepper" }, note, progress, dots, list, nav);
  const backToAnswers = h("button", { type: "button", class: "button secondary", onclick: () => show(index, true) }, t("session.back_to_answers"));

  function show(to, moveFocus = false, { focusInput = false } = {}) {
    index = Math.max(0, Math.min(total - 1, to));
    items.forEach((item, position) => {
      item.hidden = position !== index;
    });
    progress.textContent = t("session.step_of", { current: index + 1, total });
    [...dots.children].forEach((dot, position) => dot.classList.toggle("done", position <= index));
    back.hidden = index === 0;
    const last = index === total - 1;
    next.hidden = last;
    // On the last question the review is the step forward; before that it stays within reach.
    review.classList.toggle("secondary", !last);
    stage.hidden = false;
    review.hidden = false;
    summary.hidden = true;
    if (!moveFocus) return;
    const item = items[index];
    const target = focusInput ? item.querySelector("input, textarea") : item;
    target?.focus({ preventScroll: true });
    window.scrollTo({ top: 0 });
  }

  // The review replaces the prompts; "Back to my answers" returns to where the person was.
  const openReview = () => {
    stage.hidden = true;
    note.replaceChildren();
    review.hidden = true;
    summary.hidden = false;
    summary.append(backToAnswers);
  };
  const goTo = (promptId, why = null) => {
    note.replaceChildren(...(why ? [why] : []));
    const at = items.findIndex((item) => item.dataset.prompt === String(promptId));
    if (at >= 0) show(at, true, { focusInput: true });
  };
  for (const item of items) item.setAttribute("tabindex", "-1");
  show(0);
  return { node: stage, goTo, openReview };
}
