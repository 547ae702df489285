// What a revealed prompt shows besides the two answers: the scale's two ends, so a number means
// the same to both, and the "to talk about together" cue once both answers are on the table.
import { h } from "../dom.js";
import { t } from "../i18n.js";

export function scaleEnds(prompt) {
  if (prompt.kind !== "scale" || !prompt.min_label || !prompt.max_label) return null;
  return h("p", { class: "hint scale-ends", "data-testid": "scale-ends" },
    t("reveal.scale_ends", { min: prompt.min, min_label: prompt.min_label, max: prompt.max, max_label: prompt.max_label }));
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
