// One live connection per signed-in app: `/ws/me/` pushes ids and states (the partner joined,
// started, locked their answers, is in the reveal room), never content. Screens `follow` it.
// When the socket is down the same listeners get a `{type: "poll"}` every few seconds instead,
// so a screen re-reads what it shows from the REST API: it still moves on by itself.
const RETRY_MAX_MS = 15000;
const POLL_MS = 5000;

const listeners = new Set();
let socket = null;
let wanted = false;
let attempts = 0;
let retryTimer = null;
let pollTimer = null;

function emit(frame) {
  for (const listener of [...listeners]) {
    try {
      listener(frame);
    } catch {
      // One screen's mistake must not stop the others from hearing.
    }
  }
}

function startPolling() {
  if (pollTimer || !wanted) return;
  pollTimer = setInterval(() => emit({ type: "poll" }), POLL_MS);
}

function stopPolling() {
  clearInterval(pollTimer);
  pollTimer = null;
}

function connect() {
  clearTimeout(retryTimer);
  if (!wanted || socket) return;
  const scheme = window.location.protocol === "https:" ? "wss" : "ws";
  let opened = false;
  try {
    socket = new WebSocket(`${scheme}://${window.location.host}/ws/me/`);
  } catch {
    socket = null;
    startPolling();
    return;
  }
  socket.addEventListener("open", () => {
    opened = true;
    attempts = 0;
    stopPolling();
    // Whatever changed while the socket was down: screens re-read once.
    emit({ type: "poll" });
  });
  socket.addEventListener("message", (event) => {
    let frame;
    try {
      frame = JSON.parse(event.data);
    } catch {
      return;
    }
    if (frame && typeof frame.type === "string") emit(frame);
  });
  socket.addEventListener("close", (event) => {
    socket = null;
    if (!wanted) return;
    if (event.code === 4401 || event.code === 4001) {
      // Signed out (here or elsewhere): no point in trying again.
      wanted = false;
      stopPolling();
      return;
    }
    startPolling();
    // Back off: 1 s, 2 s, 4 s ... up to 15 s, whether or not it ever opened.
    const delay = Math.min(1000 * 2 ** attempts++, RETRY_MAX_MS);
    retryTimer = setTimeout(connect, opened ? 1000 : delay);
  });
}

export function startLive() {
  if (wanted) return;
  wanted = true;
  attempts = 0;
  connect();
}

export function stopLive() {
  wanted = false;
  clearTimeout(retryTimer);
  stopPolling();
  const closing = socket;
  socket = null;
  closing?.close();
}

export function isLive() {
  return socket?.readyState === WebSocket.OPEN;
}

// `listener(frame)` for every frame (and `poll` while the socket is down); returns `stop`.
export function follow(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// Come back online or to the foreground: try again at once instead of waiting for the backoff.
window.addEventListener("online", () => {
  attempts = 0;
  connect();
});
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "visible") connect();
});
