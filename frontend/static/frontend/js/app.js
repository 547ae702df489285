// Entry point: safety controls first, then language, then the screens.
import { drawChrome, markCurrentTab } from "./chrome.js";
import { listenForShiftExit } from "./exit.js";
import { browserLanguage, setLanguage } from "./i18n.js";
import { follow } from "./live.js";
import { navigate, onRouteChange, route, startRouter } from "./router.js";
import * as accounts from "./screens/accounts.js";
import * as daily from "./screens/daily.js";
import * as guide from "./screens/guide.js";
import * as home from "./screens/home.js";
import * as library from "./screens/library.js";
import * as pairing from "./screens/pairing.js";
import * as practice from "./screens/practice.js";
import * as pulse from "./screens/pulse.js";
import * as safety from "./screens/safety.js";
import * as security from "./screens/security.js";
import * as sessions from "./screens/sessions.js";
import * as therapists from "./screens/therapists.js";
import { currentUser, forgetThisDevice, refreshMe, setCurrentUser } from "./session.js";

// Shift ×3 must work even before anything else has loaded.
listenForShiftExit();

function routes() {
  // A therapist lands on the caseload.
  route("/", (context) => (currentUser()?.is_therapist ? practice.caseload(context) : home.home(context)));
  route("/signup", accounts.signup);
  route("/verify", accounts.verify);
  route("/verify/:key", accounts.verify);
  route("/login", accounts.login);
  route("/logout", accounts.logout);
  route("/reset", accounts.reset);
  route("/profile", accounts.profile, { auth: true });
  route("/profile/two-step", security.twoStep, { auth: true });
  route("/profile/devices", security.devices, { auth: true });
  route("/help", safety.help);
  route("/advice", safety.advice);
  route("/guide", guide.guide);
  route("/guide/:page", guide.guide);
  route("/check-in", safety.checkIn, { auth: true });
  route("/pair", pairing.invite, { auth: true });
  route("/pair/:code", pairing.accept, { auth: true });
  route("/couple", pairing.couple, { auth: true });
  route("/library", library.list, { auth: true });
  route("/library/:slug", library.detail, { auth: true });
  route("/s/:id", sessions.session, { auth: true });
  route("/history", sessions.history, { auth: true });
  route("/daily", daily.daily, { auth: true });
  route("/daily/history", daily.history, { auth: true });
  route("/pulse", pulse.pulse, { auth: true });
  route("/therapist", therapists.therapist, { auth: true });
  route("/therapist/:code", therapists.acceptTherapist, { auth: true });
  // Where an "exercise assigned" notification leads.
  route("/assignments/:id", therapists.therapist, { auth: true });
  route("/practice", practice.caseload, { auth: true });
  route("/practice/:id", practice.coupleFile, { auth: true });
  // The editors' preview of a draft exercise (staff only; the API says 404 to anyone else).
  route("/preview/:id/:language", sessions.preview, { auth: true });
}

function registerServiceWorker() {
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => null);
  }
}

// Signed out on this device from elsewhere (another tab, an ended session): forget it here too.
follow(async (frame) => {
  if (frame.type !== "signed_out" || !currentUser()) return;
  setCurrentUser(null);
  await forgetThisDevice();
  drawChrome();
  navigate("/login");
});

async function start() {
  const me = await refreshMe().catch(() => null);
  await setLanguage(me?.language || browserLanguage(), { remember: !me });
  drawChrome();
  onRouteChange(markCurrentTab);
  routes();
  await startRouter(document.getElementById("view"));
  document.body.dataset.ready = "true";
  registerServiceWorker();
}

start();
