// What a revealed prompt shows besides the two answers: the scale's two ends, so a number means
// the same to both, and the "to talk about together" cue once both answers are on the table.
import { h } from "../dom.js";
import { t } from "../i18n.js";

export function scaleEnds(prompt) {
  if (prompt.kind !== "scale" || !prompt.min_label || !prompt.max_label) return null;
  return h("p", { class: "hint scale-ends", "data-testid": "scale-ends" },
    t("reveal.scale_ends", { min: prompt.min, min_label: prompt.min_label, max: prompt.max, max_label: prompt.max_label }));
}

// A revealed scale answer drawn on its scale: one step per number, with who chose it, and the
// ends' labels under it. The numbers stay in the text above; this is the picture of it.
export function scalePicture(prompt, mine, theirs, partnerName) {
  if (prompt.kind !== "scale" || !Number.isInteger(prompt.min) || !Number.isInteger(prompt.max)) return null;
  const value = (answer) => {
    const raw = answer && typeof answer === "object" && !Array.isArray(answer) ? (answer.keep_private ? null : answer.value) : answer;
    return Number.isInteger(raw) ? raw : null;
  };
  const me = value(mine);
  const partner = value(theirs);
  if (me === null && partner === null) return null;
  const steps = [];
  for (let step = prompt.min; step <= prompt.max; step += 1) {
    const who = [step === me ? t("reveal.you") : null, step === partner ? partnerName : null].filter(Boolean);
    steps.push(h("li", {
      class: ["scale-step", step === me ? "is-mine" : "", step === partner ? "is-partner" : ""].filter(Boolean).join(" "),
    }, h("span", { class: "scale-number" }, String(step)), who.length ? h("span", { class: "scale-who" }, who.join(" · ")) : null));
  }
  return h("div", { class: "scale-picture", "aria-hidden": "true", "data-testid": "scale-picture" },
    h("ol", { class: "scale-steps" }, steps),
    prompt.min_label && prompt.max_label
      ? h("p", { class: "scale-labels" }, h("span", {}, prompt.min_label), h("span", {}, prompt.max_label))
      : null);
}

// Where the reveal is: one dot per prompt, filled once revealed.
export function progressDots(total) {
  const dots = h("ol", { class: "progress-dots", "aria-hidden": "true", "data-testid": "progress-dots" });
  for (let index = 0; index < total; index += 1) dots.append(h("li", {}));
  const label = h("p", { class: "visually-hidden", role: "status" });
  const wrap = h("div", { class: "progress" }, dots, label);
  wrap.update = (revealed) => {
    [...dots.children].forEach((dot, index) => dot.classList.toggle("done", index < revealed));
    label.textContent = t("reveal.progress", { done: revealed, total });
  };
  wrap.update(0);
  return wrap;
}

export function talkAboutCue(prompt) {
  if (!prompt.talk_about) return null;
  return h("aside", { class: "talk-about", "data-testid": "talk-about" },
    h("p", { class: "who" }, t("reveal.talk_about")),
    h("p", {}, prompt.talk_about));
}

// Where to go when an answer hurt: from the closing screen and from looking back.
export function repairLink() {
  return h("p", { class: "repair-link" }, h("a", { href: "/guide/after-a-reveal" }, t("guide.repair.link")));
}
