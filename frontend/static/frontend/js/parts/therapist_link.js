// The couple's therapist link as a partner sees it, and sharing a revealed session with them.
import { api } from "../api.js";
import { deferred, h } from "../dom.js";
import { t } from "../i18n.js";

async function orNull(load) {
  try {
    return await load();
  } catch (error) {
    if (error.status === 404) return null;
    throw error;
  }
}

export function myTherapist() {
  return orNull(() => api.get("pairing/therapist/"));
}

// On a revealed session: share my own answers with our therapist, or take them back.
export function shareCard(session) {
  return deferred(myTherapist, (link) => {
    if (!link || link.state !== "active") return h("div");
    const name = link.therapist?.display_name || "";
    const status = h("p", { class: "notice", role: "status", hidden: true });
    const tell = (message) => {
      status.textContent = message;
      status.hidden = false;
    };
    const act = (run, message) => async (event) => {
      event.currentTarget.disabled = true;
      const button = event.currentTarget;
      try {
        await run();
        tell(message);
      } catch (error) {
        tell(error.message);
      } finally {
        button.disabled = false;
      }
    };
    return h(
      "section",
      { class: "card share" },
      h("h2", {}, t("share.title")),
      h("p", {}, t("share.intro", { name })),
      h("div", { class: "actions" },
        h("button", { type: "button", class: "button secondary", onclick: act(() => api.post(`sessions/${session.id}/share/`), t("share.done", { name })) }, t("share.share", { name })),
        h("button", { type: "button", class: "button quiet", onclick: act(() => api.delete(`sessions/${session.id}/share/`), t("share.undone")) }, t("share.unshare")),
      ),
      status,
    );
  });
}
