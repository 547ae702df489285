// A couple session: answer alone (drafts saved as you type), submit with a summary, wait for
// the partner, then the live reveal over the WebSocket, and the revealed answers afterwards.
import { api } from "../api.js";
import { follow } from "../live.js";
import { draftsFor, forgetSession, keepSession, putDraft, savedSession } from "../drafts.js";
import { empty, formError, h, onSubmit, screen } from "../dom.js";
import { language, setLanguage, t } from "../i18n.js";
import { navigate, onLeave, rerender } from "../router.js";
import { valueText } from "../parts/answers.js";
import { answerStepper } from "../parts/answer_stepper.js";
import { notNowCard, partnerNotNow } from "../parts/not_now.js";
import { progressDots, repairLink, scaleEnds, scalePicture, talkAboutCue } from "../parts/reveal_extras.js";
import { sessionList } from "../parts/session_list.js";
import { shareCard } from "../parts/therapist_link.js";

const SAVE_DELAY_MS = 600;
const REACTIONS = ["thanks", "hear_you", "tell_me_more", "me_too"];

export async function history() {
  const data = await api.get("sessions/");
  const done = (data.results || data).filter((item) => item.status === "completed");
  return screen(t("history.title"), done.length ? sessionList(done) : empty(t("history.empty")), repairLink());
}

// Revealed answers arrive as {value, keep_private}, as a bare value, or as null when kept.
function revealedText(prompt, answer, whose, coupleEnded = false) {
  // Privacy rule 4: after the couple ended each keeps only their own answers. Say so honestly;
  // never "kept for themselves", which would rewrite what the partner chose.
  if (whose === "partner" && coupleEnded) return t("session.partner_gone");
  if (answer && typeof answer === "object" && !Array.isArray(answer)) {
    if (answer.keep_private) return t(whose === "mine" ? "session.kept_by_me" : "session.kept_by_partner");
    return valueText(prompt, answer.value);
  }
  if (answer === null || answer === undefined) {
    return t(whose === "mine" ? "session.kept_by_me" : "session.kept_by_partner");
  }
  return valueText(prompt, answer);
}

function partnerText(session, state) {
  return t("session.partner_state", { name: session.partner.display_name || t("session.partner"), state: t(`state.${state || "not_started"}`) });
}

function partnerLine(session) {
  if (!session.partner) return null;
  return h("p", { class: "partner-state", "data-testid": "partner-state", role: "status" }, partnerText(session, session.partner.state));
}

// Follow this session on /ws/me/ while the screen is shown: the partner's line changes in
// place; `moveOn(status)` says whether a new status needs another screen (then it is drawn).
// While the socket is down, a `poll` re-reads the session instead.
function followSession(session, line, moveOn) {
  let partnerState = session.partner?.state;
  const apply = (status, state) => {
    if (moveOn(status)) return rerender();
    if (line && state && state !== partnerState) {
      partnerState = state;
      line.textContent = partnerText(session, state);
    }
    return null;
  };
  onLeave(follow(async (frame) => {
    if (frame.type === "session" && frame.id === String(session.id)) {
      apply(frame.status, frame.partner?.state);
    } else if (frame.type === "poll") {
      const fresh = await api.get(`sessions/${session.id}/`).catch(() => null);
      if (fresh) apply(fresh.status, fresh.partner?.state);
    } else if (frame.type === "couple" && !frame.partner) {
      rerender();
    }
  }));
}

// ---- answering -------------------------------------------------------------------------

function promptControl(prompt, draft, changed) {
  const id = `p-${prompt.id}`;
  const hintId = `${id}-hint`;
  const help = prompt.help_text ? h("p", { class: "hint", id: hintId }, prompt.help_text) : null;
  const described = help ? hintId : null;
  if (prompt.kind === "text") {
    const area = h("textarea", { id, name: id, rows: 5, maxlength: 5000, "aria-describedby": described, oninput: changed });
    area.value = draft?.value ?? "";
    return { node: [h("label", { for: id, class: "prompt-text" }, prompt.text), help, area], read: () => area.value };
  }
  if (prompt.kind === "scale") {
    // A scale starts unset: a thumb resting in the middle would look answered while nothing is.
    let chosen = draft?.value ?? null;
    const output = h("output", { for: id, class: "scale-value", "data-testid": "scale-value" },
      chosen === null ? t("session.scale_unset") : String(chosen));
    const range = h("input", {
      type: "range", id, name: id, min: prompt.min, max: prompt.max, step: 1,
      value: String(chosen ?? Math.round((prompt.min + prompt.max) / 2)),
      "aria-describedby": described,
      "data-unset": chosen === null ? "true" : null,
      "aria-valuetext": chosen === null ? t("session.scale_unset") : null,
      oninput: (event) => {
        chosen = Number(event.target.value);
        range.removeAttribute("data-unset");
        range.removeAttribute("aria-valuetext");
        output.textContent = event.target.value;
        changed();
      },
    });
    return {
      node: [
        h("label", { for: id, class: "prompt-text" }, prompt.text), help,
        h("div", { class: "scale" }, h("span", { class: "hint" }, prompt.min_label || String(prompt.min)), range, h("span", { class: "hint" }, prompt.max_label || String(prompt.max))),
        output,
      ],
      read: () => chosen,
    };
  }
  const multi = prompt.kind === "multi";
  const chosen = new Set([].concat(draft?.value ?? []));
  const inputs = (prompt.options || []).map((option, index) => {
    const input = h("input", { type: multi ? "checkbox" : "radio", name: id, id: `${id}-${index}`, value: option.value, checked: chosen.has(option.value), onchange: changed });
    return { input, node: h("div", { class: "check" }, input, h("label", { for: `${id}-${index}` }, option.label)) };
  });
  const read = () => {
    const values = inputs.filter((item) => item.input.checked).map((item) => item.input.value);
    return multi ? values : values[0] ?? null;
  };
  return {
    node: h("fieldset", { class: "options", "aria-describedby": described }, h("legend", { class: "prompt-text" }, prompt.text), help, inputs.map((item) => item.node)),
    read,
  };
}

function isAnswered(reader) {
  if (reader.keep()) return true;
  const value = reader.value();
  if (value === null || value === undefined) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

// "Still to answer": each missing prompt by name, a link that takes you to its screen.
function missingList(missing, goToPrompt) {
  if (!missing.length) return h("div", { "data-testid": "missing", hidden: true });
  return h(
    "div",
    { class: "notice warning", role: "alert", "data-testid": "missing" },
    h("p", {}, t("session.missing_intro", { count: missing.length })),
    h("ul", {}, missing.map((prompt) =>
      h("li", {}, h("a", {
        href: `#p-${prompt.id}`,
        class: "missing-link",
        onclick: (event) => {
          event.preventDefault();
          goToPrompt(prompt.id);
        },
      }, prompt.text)),
    )),
  );
}

// `local` are this device's drafts: the ones not yet on the server win over the server's copy
// (they are newer) and are sent as soon as there is a connection.
function answering(session, local, { offline = false } = {}) {
  const drafts = new Map((session.me?.answers || []).map((answer) => [answer.prompt, answer]));
  const unsaved = new Set();
  for (const draft of local) {
    if (offline || !draft.synced) drafts.set(draft.prompt, draft);
    if (!draft.synced) unsaved.add(draft.prompt);
  }
  const readers = new Map();
  const timers = new Map();
  const edits = new Map();
  const statusEls = new Map();
  const keepLocally = (prompt, synced) => {
    const reader = readers.get(prompt.id);
    return putDraft({ session: session.id, prompt: prompt.id, value: reader.value(), keep_private: reader.keep(), synced });
  };

  const setStatus = (promptId, key) => {
    statusEls.get(promptId).textContent = key ? t(key) : "";
  };

  const save = async (prompt) => {
    const reader = readers.get(prompt.id);
    const edit = edits.get(prompt.id);
    setStatus(prompt.id, "state.saving");
    try {
      await api.put(`sessions/${session.id}/answers/${prompt.id}/`, { value: reader.value(), keep_private: reader.keep() });
      // Typed on while this was on its way: the newer text is still to be sent.
      if (edits.get(prompt.id) !== edit) return;
      unsaved.delete(prompt.id);
      await keepLocally(prompt, true);
      setStatus(prompt.id, "state.saved");
    } catch (error) {
      unsaved.add(prompt.id);
      if (error.code === "offline") setStatus(prompt.id, "state.offline_kept");
      else statusEls.get(prompt.id).textContent = error.message;
    }
  };
  const schedule = (prompt) => {
    clearTimeout(timers.get(prompt.id));
    unsaved.add(prompt.id);
    edits.set(prompt.id, (edits.get(prompt.id) || 0) + 1);
    // On this device first, so nothing typed is lost if the connection or the page goes.
    keepLocally(prompt, false);
    if (!navigator.onLine) {
      setStatus(prompt.id, "state.offline_kept");
      return;
    }
    timers.set(prompt.id, setTimeout(() => save(prompt), SAVE_DELAY_MS));
  };
  const flush = async () => {
    for (const timer of timers.values()) clearTimeout(timer);
    const byId = new Map(session.prompts.map((prompt) => [prompt.id, prompt]));
    for (const id of [...unsaved]) await save(byId.get(id));
  };
  const retryWhenOnline = () => flush();
  window.addEventListener("online", retryWhenOnline);
  onLeave(() => {
    window.removeEventListener("online", retryWhenOnline);
    for (const timer of timers.values()) clearTimeout(timer);
  });

  const prompts = [...session.prompts].sort((a, b) => a.position - b.position);
  const items = prompts.map((prompt) => {
    const draft = drafts.get(prompt.id);
    const control = promptControl(prompt, draft, () => schedule(prompt));
    const keepId = `keep-${prompt.id}`;
    const keepHintId = `${keepId}-hint`;
    // A solo answer is only ever mine: there is nobody to keep it from.
    const keep = session.solo ? { checked: false } : h("input", { type: "checkbox", id: keepId, checked: Boolean(draft?.keep_private), "aria-describedby": keepHintId, onchange: () => schedule(prompt) });
    const status = h("p", { class: "save-status", "aria-live": "polite" });
    statusEls.set(prompt.id, status);
    readers.set(prompt.id, { value: control.read, keep: () => keep.checked });
    return h(
      "li",
      { class: "card prompt", "data-prompt": prompt.id },
      control.node,
      session.solo ? null : h("div", { class: "keep-box" },
        h("div", { class: "check keep" }, keep, h("label", { for: keepId }, t("session.keep_private"))),
        // Where it is offered, what it means: plain text, no tiny link to tap.
        h("p", { class: "hint keep-hint", id: keepHintId }, t("session.keep_private_hint"))),
      status,
    );
  });

  const summary = h("section", { class: "card summary", hidden: true, tabindex: "-1", "data-testid": "review" });
  let stepper = null;
  const goToPrompt = (promptId) => stepper.goTo(promptId);
  const review = h("button", {
    type: "button",
    class: "button",
    onclick: async () => {
      await flush();
      summary.replaceChildren(
        h("h2", {}, t("session.summary_title")),
        missingList(prompts.filter((prompt) => !isAnswered(readers.get(prompt.id))), goToPrompt),
        h("dl", {}, prompts.map((prompt) => {
          const reader = readers.get(prompt.id);
          return [
            h("dt", {}, prompt.text),
            h("dd", {}, valueText(prompt, reader.value()), reader.keep() ? h("span", { class: "badge" }, t("session.kept_badge")) : null),
          ];
        })),
        h("p", {}, t("session.submit_warning")),
        submitForm,
      );
      stepper.openReview();
      summary.focus();
    },
  }, t("session.review"));
  stepper = answerStepper(items, { review, summary });
  const submitForm = h("form", { class: "form" }, formError(), h("button", { type: "submit", class: "button" }, t("session.submit")));
  onSubmit(submitForm, async () => {
    await flush();
    try {
      await api.post(`sessions/${session.id}/submit/`);
    } catch (error) {
      if (error.code !== "answers_missing") throw error;
      // The server names the missing ones: say which, and take the person to the first.
      const byId = new Map(prompts.map((prompt) => [String(prompt.id), prompt]));
      const missing = (error.body?.missing || []).map((id) => byId.get(String(id))).filter(Boolean);
      if (!missing.length) throw error;
      // Named above the first missing prompt's screen, which is where the person lands.
      stepper.goTo(missing[0].id, missingList(missing, goToPrompt));
      return;
    }
    await forgetSession(session.id);
    rerender();
  });

  if (offline) {
    for (const id of unsaved) setStatus(id, "state.offline_kept");
  } else if (unsaved.size) {
    flush();
  }
  const line = session.solo ? null : partnerLine(session);
  // Answering: the partner's line follows; the screen itself stays (nothing typed is lost).
  if (!offline && !session.solo) followSession(session, line, () => false);
  return screen(
    session.exercise?.title || t("session.untitled"),
    offline ? h("p", { class: "notice", role: "status", "data-testid": "offline-notice" }, t("session.offline")) : null,
    session.solo
      ? h("p", { class: "notice", "data-testid": "solo-notice" }, t("session.solo_intro"))
      : [h("p", {}, t("session.answer_intro")), line, partnerNotNow(session), notNowCard(session, rerender)],
    stepper.node,
    review,
    summary,
  );
}

// ---- waiting, revealed ----------------------------------------------------------------------

function waiting(session) {
  const line = partnerLine(session);
  // Locked, waiting for the partner: the screen moves on by itself once both have locked.
  followSession(session, line, (status) => status !== session.status);
  return screen(
    session.exercise?.title || t("session.untitled"),
    h("p", { class: "notice", role: "status", "data-testid": "waiting" }, t("session.submitted")),
    line,
    partnerNotNow(session),
    notNowCard(session, rerender),
    h("button", { type: "button", class: "button secondary", onclick: () => rerender() }, t("action.refresh")),
  );
}

function revealCard(prompt, item, partnerName, react, coupleEnded = false) {
  const reactions = h("ul", { class: "reactions-received", "aria-live": "polite" });
  const bubble = (text, whose) => reactions.append(h("li", { class: `bubble ${whose}` }, text));
  const buttons = react
    ? h("div", { class: "reactions", role: "group", "aria-label": t("reveal.react_label") },
        REACTIONS.map((reaction) =>
          h("button", {
            type: "button",
            class: "chip",
            "aria-pressed": "false",
            "data-reaction": reaction,
            onclick: (event) => {
              event.currentTarget.setAttribute("aria-pressed", "true");
              react(prompt.id, reaction);
              // One's own bubble arrives too, so both phones show the same conversation.
              bubble(t("reveal.you_reacted", { reaction: t(`reaction.${reaction}`) }), "mine");
            },
          }, t(`reaction.${reaction}`)),
        ),
      )
    : null;
  const card = h(
    "li",
    { class: "card revealed", "data-prompt": prompt.id },
    h("h3", {}, prompt.text),
    h("div", { class: "side-by-side" },
      h("div", { class: "answer mine" }, h("p", { class: "who" }, t("reveal.you")), h("p", {}, revealedText(prompt, item.mine, "mine"))),
      h("div", { class: "answer partner" }, h("p", { class: "who" }, partnerName), h("p", {}, revealedText(prompt, item.partner, "partner", coupleEnded))),
    ),
    scalePicture(prompt, item.mine, coupleEnded ? null : item.partner, partnerName),
    scaleEnds(prompt),
    talkAboutCue(prompt),
    buttons,
    reactions,
  );
  card.addReaction = (reaction) => bubble(t("reveal.reacted", { name: partnerName, reaction: t(`reaction.${reaction}`) }), "partner");
  card.addOwnReaction = (reaction) => bubble(t("reveal.you_reacted", { reaction: t(`reaction.${reaction}`) }), "mine");
  return card;
}

// A finished solo exercise: my own answers, for me alone (and a share with our therapist).
function soloCompleted(session) {
  const mine = new Map((session.me?.answers || []).map((answer) => [answer.prompt, answer]));
  const prompts = [...session.prompts].sort((a, b) => a.position - b.position);
  return screen(
    session.exercise?.title || t("session.untitled"),
    h("p", { class: "notice", "data-testid": "solo-notice" }, t("session.solo_done")),
    h("dl", { class: "card solo-answers" }, prompts.map((prompt) => [
      h("dt", {}, prompt.text),
      h("dd", {}, mine.has(prompt.id) ? valueText(prompt, mine.get(prompt.id).value) : t("session.no_answer")),
    ])),
    shareCard(session),
    h("a", { href: "/history", class: "button secondary" }, t("nav.history")),
  );
}

// Looking back: the cards as they were revealed, with the reactions both saw arrive (read
// after the cards are drawn; without them the cards still stand).
function lookBackCards(session, items, byId, name, coupleEnded) {
  const cards = new Map();
  const list = h("ol", { class: "revealed-list" }, items.map((item) => {
    const card = revealCard(byId.get(item.prompt), item, name, null, coupleEnded);
    cards.set(item.prompt, card);
    return card;
  }));
  api.get(`sessions/${session.id}/reactions/`).then((reactions) => {
    for (const item of reactions) {
      const card = cards.get(item.prompt);
      if (!card) continue;
      if (item.from === "me") card.addOwnReaction(item.reaction);
      else card.addReaction(item.reaction);
    }
  }, () => null);
  return list;
}

function completed(session) {
  if (session.solo) return soloCompleted(session);
  const byId = new Map(session.prompts.map((prompt) => [prompt.id, prompt]));
  // A couple session always has two people; no partner in the answer means the couple ended.
  const coupleEnded = !session.partner;
  const name = coupleEnded ? t("session.former_partner") : session.partner.display_name || t("session.partner");
  const items = (session.revealed || []).filter((item) => byId.has(item.prompt));
  // When it was: the day both looked together, in the person's language.
  const when = session.completed_at
    ? h("p", { class: "hint", "data-testid": "revealed-on" }, t("history.revealed_on", {
        date: new Intl.DateTimeFormat(language(), { dateStyle: "long" }).format(new Date(session.completed_at)),
      }))
    : null;
  return screen(
    session.exercise?.title || t("session.untitled"),
    h("p", { class: "notice" }, t(`status.${session.status}`)),
    when,
    coupleEnded && items.length
      ? h("p", { class: "notice", "data-testid": "partner-gone" }, t("session.partner_gone"), " ",
          h("a", { href: "/help" }, t("couple.ended_support_link")))
      : null,
    items.length ? lookBackCards(session, items, byId, name, coupleEnded) : empty(t("history.nothing_revealed")),
    items.length && session.partner ? shareCard(session) : null,
    items.length ? repairLink() : null,
    h("a", { href: "/history", class: "button secondary" }, t("nav.history")),
  );
}

// ---- live reveal -------------------------------------------------------------------------

function breathing(onResume) {
  // How long the pause has lasted, calmly: a clock that counts up, never down (no pressure).
  const clock = h("p", { class: "breath-timer", "data-testid": "breath-timer", "aria-hidden": "true" }, "0:00");
  const section = h(
    "section",
    { class: "breathing", hidden: true, "aria-live": "polite", "data-testid": "breathing" },
    h("h2", {}, t("reveal.pause_title")),
    h("div", { class: "breath-circle", "aria-hidden": "true" }),
    h("p", {}, t("reveal.breathe")),
    clock,
    h("button", { type: "button", class: "button", onclick: onResume }, t("reveal.resume")),
  );
  let timer = null;
  section.run = (on) => {
    clearInterval(timer);
    timer = null;
    if (!on) return;
    const started = Date.now();
    clock.textContent = "0:00";
    timer = setInterval(() => {
      const seconds = Math.floor((Date.now() - started) / 1000);
      clock.textContent = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
    }, 1000);
  };
  return section;
}

function liveReveal(session) {
  const byId = new Map(session.prompts.map((prompt) => [prompt.id, prompt]));
  const name = session.partner?.display_name || t("session.partner");
  const cards = new Map();
  let socket = null;
  let leaving = false;
  let attempts = 0;
  let timer = null;

  const send = (type, extra = {}) => {
    if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type, ...extra }));
  };
  const presence = h("p", { class: "presence", role: "status", "data-testid": "presence" }, t("reveal.connecting"));
  const problem = h("p", { class: "form-error", role: "alert", hidden: true });
  const list = h("ol", { class: "revealed-list reveal-stage" });
  // `ready` names the question it is for, so a double tap cannot skip one.
  let currentIndex = null;
  const ready = h("button", { type: "button", class: "button", "data-testid": "ready", onclick: () => send("ready", currentIndex === null ? {} : { index: currentIndex }) }, t("reveal.ready"));
  const pause = h("button", { type: "button", class: "button secondary", onclick: () => send("pause") }, t("reveal.pause"));
  const leave = h("button", { type: "button", class: "button quiet", onclick: () => { send("leave"); navigate("/"); } }, t("reveal.leave"));
  const controls = h("div", { class: "actions" }, ready, pause, leave);
  const calm = breathing(() => send("resume"));
  const shared = h("p", { class: "lead", "data-testid": "shared-count" });
  const done = h("section", { class: "card done", hidden: true, tabindex: "-1" },
    h("h2", {}, t("reveal.completed_title")),
    shared,
    h("p", {}, t("reveal.completed_body")),
    h("p", { class: "take-along" }, t("reveal.take_along")),
    repairLink(),
    h("a", { href: "/", class: "button" }, t("action.home")),
  );

  const progress = progressDots(session.prompts.length);
  let initial = true;
  const showReveal = (item) => {
    if (cards.has(item.prompt) || !byId.has(item.prompt)) return;
    const card = revealCard(byId.get(item.prompt), item, name, (prompt, reaction) => send("react", { prompt, reaction }));
    card.classList.add("arriving");
    // One card per prompt fills the screen: the one before steps aside, the new one takes focus
    // (both answers arrive together in it).
    for (const earlier of cards.values()) earlier.hidden = true;
    card.setAttribute("tabindex", "-1");
    cards.set(item.prompt, card);
    list.append(card);
    progress.update(cards.size);
    if (!initial) card.focus({ preventScroll: true });
  };
  const setPaused = (paused) => {
    if (calm.hidden === paused) calm.run(paused);
    calm.hidden = !paused;
    controls.hidden = paused;
  };
  const finish = () => {
    controls.hidden = true;
    calm.run(false);
    calm.hidden = true;
    shared.textContent = t("reveal.shared_count", { count: cards.size });
    done.hidden = false;
    done.focus();
  };
  const handle = (message) => {
    if (message.type === "state") {
      currentIndex = Number.isInteger(message.current_index) ? message.current_index : null;
      presence.textContent = message.partner_present ? t("reveal.partner_here", { name }) : t("reveal.partner_away", { name });
      ready.disabled = Boolean(message.you_ready);
      ready.textContent = message.you_ready ? t("reveal.waiting_ready", { name }) : t("reveal.ready");
      setPaused(Boolean(message.paused));
      if (message.status === "completed") finish();
    } else if (message.type === "reveal") showReveal(message);
    else if (message.type === "reaction") {
      if (!message.mine && !message.from_me) cards.get(message.prompt)?.addReaction(message.reaction);
    } else if (message.type === "paused") {
      if (message.breathing) calm.querySelector("p").textContent = message.breathing;
      setPaused(true);
    }
    else if (message.type === "resumed") setPaused(false);
    else if (message.type === "completed") finish();
    else if (message.type === "error") {
      problem.textContent = message.message;
      problem.hidden = false;
    }
  };
  const connect = () => {
    const scheme = window.location.protocol === "https:" ? "wss" : "ws";
    socket = new WebSocket(`${scheme}://${window.location.host}/ws/sessions/${session.id}/`);
    socket.addEventListener("open", () => {
      attempts = 0;
    });
    socket.addEventListener("message", (event) => {
      try {
        handle(JSON.parse(event.data));
      } catch {
        // A malformed frame is dropped; the next `state` brings the full picture again.
      }
    });
    socket.addEventListener("close", () => {
      if (leaving || !done.hidden) return;
      presence.textContent = t("reveal.reconnecting");
      // A dropped phone reconnects; the server keeps the state.
      timer = setTimeout(connect, Math.min(1000 * 2 ** attempts++, 10000));
    });
  };
  onLeave(() => {
    leaving = true;
    clearTimeout(timer);
    calm.run(false);
    socket?.close();
  });
  (session.revealed || []).forEach(showReveal);
  initial = false;
  connect();
  return screen(
    session.exercise?.title || t("session.untitled"),
    h("p", {}, t("reveal.intro", { name })),
    progress,
    presence,
    problem,
    list,
    controls,
    calm,
    done,
  );
}

export async function session({ params }) {
  let current;
  try {
    current = await api.get(`sessions/${encodeURIComponent(params.id)}/`);
  } catch (error) {
    if (error.code === "offline") {
      // Reloaded without a connection: answer on from this device's copy.
      const shell = await savedSession(params.id);
      if (shell) return answering(shell, await draftsFor(shell.id), { offline: true });
    }
    if (error.code === "check_in_required") return navigate(`/check-in?next=${encodeURIComponent(`/s/${params.id}`)}`);
    if (error.code === "paused") {
      return screen(t("help.paused_title"), h("p", {}, error.message), h("a", { href: "/help", class: "button" }, t("help.resume")));
    }
    throw error;
  }
  if (current.status !== "answering" || current.me?.state === "submitted") {
    await forgetSession(current.id);
    if (current.status === "completed" || current.status === "abandoned") return completed(current);
    if (current.status === "ready_to_reveal" || current.status === "revealing") return liveReveal(current);
    return waiting(current);
  }
  await keepSession(current);
  return answering(current, await draftsFor(current.id));
}

// ---- the editors' preview --------------------------------------------------------------------

// `/preview/<exercise id>/<nl|en>`: a draft exercise drawn with the very pieces a partner's
// session uses, answering first, then the reveal with made-up answers and the "to talk about
// together" cue. Staff only: the API answers 404 to anyone else. Nothing typed here is saved.
export async function preview({ params }) {
  const wanted = params.language === "en" ? "en" : "nl";
  if (language() !== wanted) await setLanguage(wanted, { remember: false });
  const data = await api.get(`exercises/preview/${encodeURIComponent(params.id)}/?language=${wanted}`);
  const prompts = [...data.prompts].sort((a, b) => a.position - b.position);
  const byId = new Map(prompts.map((prompt) => [prompt.id, prompt]));
  const answering = prompts.map((prompt) =>
    h("li", { class: "card prompt", "data-prompt": prompt.id }, promptControl(prompt, null, () => null).node),
  );
  const revealed = data.revealed.filter((item) => byId.has(item.prompt));
  return screen(
    data.exercise.title || t("session.untitled"),
    h("p", { class: "notice", role: "status", "data-testid": "preview-notice" }, t("preview.notice")),
    data.intro ? h("p", { class: "intro" }, data.intro) : null,
    h("h2", {}, t("preview.answering")),
    h("p", {}, t("session.answer_intro")),
    h("ol", { class: "prompts", "data-testid": "preview-answering" }, answering),
    revealed.length ? h("h2", {}, t("preview.reveal")) : null,
    revealed.length
      ? h("ol", { class: "revealed-list", "data-testid": "preview-reveal" },
          revealed.map((item) => revealCard(byId.get(item.prompt), item, t("session.partner"), null)))
      : null,
  );
}
