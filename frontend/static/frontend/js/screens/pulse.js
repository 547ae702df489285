// My pulse: four short questions and a note, for me; my trend as a chart with the numbers as
// text; and what my partner chose to share with me.
import { api } from "../api.js";
import { deferred, empty, field, formError, h, onSubmit, screen } from "../dom.js";
import { t } from "../i18n.js";
import { rerender } from "../router.js";
import { formatDate, trendChart } from "../parts/trend_chart.js";

function scaleItem(item) {
  const id = `pulse-${item.id}`;
  const start = Math.round((item.min + item.max) / 2);
  // Unset until touched: a thumb resting in the middle would look like an answer nobody gave.
  const output = h("output", { for: id, class: "scale-value" }, t("session.scale_unset"));
  const range = h("input", {
    type: "range", id, name: item.id, min: item.min, max: item.max, step: 1, value: String(start),
    "data-unset": "true", "aria-valuetext": t("session.scale_unset"),
    oninput: (event) => {
      range.removeAttribute("data-unset");
      range.removeAttribute("aria-valuetext");
      output.textContent = event.target.value;
    },
  });
  return h("li", { class: "card prompt" },
    h("label", { for: id, class: "prompt-text" }, item.text),
    h("div", { class: "scale" }, h("span", { class: "hint" }, item.min_label), range, h("span", { class: "hint" }, item.max_label)),
    output,
  );
}

// Our therapist may see my trend (not my notes or answers) only while I consent; per link.
function therapistConsent() {
  return deferred(
    () => api.get("pairing/therapist/measures/").catch((error) => {
      if (error.code === "no_therapist") return null;
      throw error;
    }),
    (state) => {
      if (!state) return h("div");
      const box = h("input", { type: "checkbox", id: "pulse-therapist", checked: state.consented });
      const status = h("p", { class: "hint", role: "status" });
      box.addEventListener("change", async () => {
        box.disabled = true;
        try {
          if (box.checked) await api.put("pairing/therapist/measures/");
          else await api.delete("pairing/therapist/measures/");
          status.textContent = t(box.checked ? "measures.consent_on" : "measures.consent_off");
        } catch (error) {
          box.checked = !box.checked;
          status.textContent = error.message;
        } finally {
          box.disabled = false;
        }
      });
      return h("section", { class: "card", "data-testid": "measures-consent" },
        h("h2", {}, t("measures.consent_title")),
        h("div", { class: "check" }, box, h("label", { for: "pulse-therapist" }, t("measures.consent_label"))),
        status,
      );
    },
  );
}

function partnerShared(entries) {
  if (!entries.length) return null;
  return h("section", { class: "card", "data-testid": "pulse-partner" },
    h("h2", {}, t("pulse.partner_title")),
    h("ul", { class: "link-list" }, entries.map((entry) =>
      h("li", {}, t("pulse.point", { date: formatDate(entry.created_at.slice(0, 10)), score: entry.score }), entry.note ? h("p", {}, entry.note) : null))),
  );
}

export async function pulse() {
  const [data, trend, partner] = await Promise.all([
    api.get("pulse/"),
    api.get("pulse/trend/"),
    api.get("pulse/partner/"),
  ]);
  const form = h("form", { class: "form", novalidate: true },
    h("ol", { class: "prompts" }, data.items.map(scaleItem)),
    field({ name: "note", label: t("pulse.note"), type: "textarea", maxlength: 2000, hint: t("pulse.note_hint") }),
    h("div", { class: "check" }, h("input", { type: "checkbox", id: "pulse-share", name: "share_with_partner" }), h("label", { for: "pulse-share" }, t("pulse.share"))),
    formError(),
    h("button", { type: "submit", class: "button" }, t("pulse.save")),
  );
  onSubmit(form, async (values) => {
    const unset = form.querySelector("input[type=range][data-unset]");
    if (unset) {
      const slot = form.querySelector(".form-error");
      slot.textContent = t("pulse.answer_all");
      slot.hidden = false;
      unset.focus();
      return;
    }
    const answers = Object.fromEntries(data.items.map((item) => [item.id, Number(values.get(item.id))]));
    await api.post("pulse/", { answers, note: values.get("note") || "", share_with_partner: values.has("share_with_partner") });
    rerender();
  });
  return screen(
    t("pulse.title"),
    h("p", {}, t("pulse.intro")),
    trend.length ? trendChart(trend, { title: t("pulse.trend_title") }) : empty(t("pulse.empty")),
    h("section", {}, h("h2", {}, t("pulse.new_title")), form),
    partnerShared(partner),
    therapistConsent(),
  );
}
