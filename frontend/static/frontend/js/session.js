// Who is signed in: the profile from /api/me/, or null.
import { api } from "./api.js";
import { clearAll } from "./drafts.js";
import { startLive, stopLive } from "./live.js";

// The last profile seen in this tab, so a reload while offline still knows who is answering.
// sessionStorage ends with the tab, and logout and quick exit clear it.
const KEY = "tweespraak.me";
let me = null;

function remember(user) {
  try {
    if (user) sessionStorage.setItem(KEY, JSON.stringify(user));
    else sessionStorage.removeItem(KEY);
  } catch {
    // Storage may be disabled; being online then simply matters more.
  }
}

export async function refreshMe() {
  try {
    me = await api.get("me/");
  } catch (error) {
    if (error.code === "offline") {
      me = JSON.parse(sessionStorage.getItem(KEY) || "null");
      return me;
    }
    if (error.status !== 401 && error.status !== 403) throw error;
    me = null;
  }
  remember(me);
  live(me);
  return me;
}

export function currentUser() {
  return me;
}

export function setCurrentUser(user) {
  me = user;
  remember(user);
  live(user);
}

// Signed in: one /ws/me/ socket for the whole app; signed out: none.
function live(user) {
  if (user) startLive();
  else stopLive();
}

// Logout and account erasure: nothing of this person stays in this browser.
export async function forgetThisDevice() {
  try {
    sessionStorage.clear();
  } catch {
    // Storage may be disabled.
  }
  await clearAll();
}
