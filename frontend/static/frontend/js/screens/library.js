// The library, grouped by theme, and one exercise's page with "start together".
import { api } from "../api.js";
import { empty, formError, h, onSubmit, screen } from "../dom.js";
import { t } from "../i18n.js";
import { navigate } from "../router.js";

// Themes arrive as stable codes; an unknown new one shows as its code until it is translated.
function themeName(code) {
  const label = t(`theme.${code}`);
  return label === `theme.${code}` ? code : label;
}

function exerciseCard(exercise) {
  return h(
    "li",
    { class: "card exercise" },
    h("h3", {}, h("a", { href: `/library/${encodeURIComponent(exercise.slug)}` }, exercise.title)),
    exercise.audience === "solo" ? h("p", {}, h("span", { class: "badge" }, t("library.audience_solo"))) : null,
    h("p", {}, exercise.summary),
    exercise.minutes ? h("p", { class: "hint" }, t("library.minutes", { minutes: exercise.minutes })) : null,
  );
}

const AUDIENCES = ["couple", "solo"];

export async function list({ query }) {
  const theme = query.get("theme") || "";
  const audience = AUDIENCES.includes(query.get("audience")) ? query.get("audience") : "";
  // The whole library names the theme chips, so another theme stays one tap away.
  const [all, filtered] = await Promise.all([
    api.get("exercises/"),
    theme ? api.get(`exercises/?theme=${encodeURIComponent(theme)}`) : null,
  ]);
  const exercises = ((filtered || all).results || filtered || all).filter((exercise) => !audience || exercise.audience === audience);
  const everything = all.results || all;
  const themes = [...new Set(everything.map((exercise) => exercise.theme).filter(Boolean))];
  const shown = theme ? [theme] : themes;
  const filters = h(
    "nav",
    { class: "themes", "aria-label": t("library.themes") },
    h("a", { href: "/library", class: "chip", "aria-current": theme ? null : "page" }, t("library.all")),
    (theme && !themes.includes(theme) ? [theme, ...themes] : themes).map((name) =>
      h("a", { href: `/library?theme=${encodeURIComponent(name)}`, class: "chip", "aria-current": name === theme ? "page" : null }, themeName(name)),
    ),
  );
  const forWhom = h(
    "nav",
    { class: "audiences", "aria-label": t("library.audiences") },
    ["", ...AUDIENCES].map((name) =>
      h("a", {
        href: name ? `/library?audience=${name}` : "/library",
        class: "chip",
        "aria-current": name === audience && !theme ? "page" : null,
      }, t(name ? `library.audience_${name}` : "library.audience_all")),
    ),
  );
  if (!exercises.length) return screen(t("library.title"), forWhom, filters, empty(t("library.empty")));
  const groups = (shown.length ? shown : [""]).filter((name) => exercises.some((exercise) => (exercise.theme || "") === name));
  return screen(
    t("library.title"),
    forWhom,
    filters,
    groups.map((name) =>
      h("section", { class: "theme" },
        name ? h("h2", {}, themeName(name)) : null,
        h("ul", { class: "exercise-list" }, exercises.filter((exercise) => (exercise.theme || "") === name).map(exerciseCard)),
      ),
    ),
  );
}

export async function detail({ params }) {
  const exercise = await api.get(`exercises/${encodeURIComponent(params.slug)}/`);
  const solo = exercise.audience === "solo";
  const form = h("form", { class: "form" }, formError(), h("button", { type: "submit", class: "button" }, t(solo ? "library.start_solo" : "library.start")));
  onSubmit(form, async () => {
    try {
      const session = await api.post("sessions/", { exercise: exercise.slug });
      navigate(`/s/${session.id}`);
    } catch (error) {
      if (error.code === "check_in_required") return navigate(`/check-in?next=${encodeURIComponent(`/library/${exercise.slug}`)}`);
      if (error.code === "session_already_open" && error.body?.session) return navigate(`/s/${error.body.session}`);
      throw error;
    }
  });
  return screen(
    exercise.title,
    h("p", { class: "lead" }, exercise.summary),
    exercise.intro ? h("p", {}, exercise.intro) : null,
    exercise.minutes ? h("p", { class: "hint" }, t("library.minutes", { minutes: exercise.minutes })) : null,
    h("p", {}, t("library.prompt_count", { count: (exercise.prompts || []).length })),
    h("p", {}, t(solo ? "library.how_solo" : "library.how")),
    form,
    h("p", {}, h("a", { href: "/library" }, t("library.back"))),
  );
}
