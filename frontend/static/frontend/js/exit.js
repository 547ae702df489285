// "Leave quickly": the GOV.UK "Exit this page" pattern. Blank the screen at once, forget what
// this tab holds, ask the service worker to drop personal caches, and replace the current
// history entry with a neutral site. The router never pushes history entries, so Back from
// there leads out of the app, not into it.
import { clearAll } from "./drafts.js";
import { t } from "./i18n.js";

export const EXIT_URL = "https://www.google.com/";

const SHIFT_PRESSES = 3;
const WINDOW_MS = 2000;

export function quickExit() {
  document.body.replaceChildren();
  document.body.className = "blank";
  document.title = "";
  try {
    sessionStorage.clear();
  } catch {
    // Storage may be disabled; leaving matters more than tidying.
  }
  // Not awaited: the browser finishes deleting the drafts after the page has gone.
  clearAll();
  navigator.serviceWorker?.controller?.postMessage({ type: "quick-exit" });
  window.location.replace(EXIT_URL);
}

// The same button for places above the page, such as a modal dialog in the top layer, which
// covers the safety bar: the exit stays one tap away there too.
export function exitButton() {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "leave-button";
  button.dataset.testid = "leave";
  button.textContent = t("chrome.leave");
  button.addEventListener("click", quickExit);
  return button;
}

export function listenForShiftExit() {
  let presses = [];
  document.addEventListener(
    "keydown",
    (event) => {
      if (event.key !== "Shift") {
        presses = [];
        return;
      }
      if (event.repeat) return;
      const now = Date.now();
      presses = presses.filter((at) => now - at < WINDOW_MS);
      presses.push(now);
      if (presses.length >= SHIFT_PRESSES) quickExit();
    },
    true,
  );
}
