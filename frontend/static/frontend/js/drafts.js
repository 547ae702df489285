// The current draft of each prompt, on this device, so answering survives going offline and a
// reload while offline. A tiny IndexedDB wrapper: one database, two stores.
//   drafts:   {session, prompt, value, keep_private, synced}, keyed [session, prompt]
//   sessions: what it takes to draw the answering screen again offline: the session's id, the
//             exercise title and its prompts; never my answers, the partner or anything revealed.
// A session's rows go as soon as it is submitted; everything goes on logout and quick exit.
const NAME = "tweespraak-drafts";
const VERSION = 1;
let opening = null;

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function open() {
  if (!("indexedDB" in self)) return Promise.reject(new Error("no IndexedDB"));
  opening ||= new Promise((resolve, reject) => {
    const req = indexedDB.open(NAME, VERSION);
    req.onupgradeneeded = () => {
      req.result.createObjectStore("drafts", { keyPath: ["session", "prompt"] }).createIndex("session", "session");
      req.result.createObjectStore("sessions", { keyPath: "id" });
    };
    req.onsuccess = () => {
      const db = req.result;
      // Let clearAll() delete the database even while this page holds it open.
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      resolve(db);
    };
    req.onerror = () => {
      opening = null;
      reject(req.error);
    };
  });
  return opening;
}

async function run(storeName, mode, work) {
  const db = await open();
  const tx = db.transaction(storeName, mode);
  const result = await request(work(tx.objectStore(storeName)));
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
  return result;
}

// Private browsing or a full disk must never stop anyone from answering: the server copy is
// the one that counts, so a failing local store only costs the offline safety net.
const quietly = (promise, fallback) => promise.catch(() => fallback);

export function keepSession(session) {
  const shell = {
    id: session.id,
    exercise: { title: session.exercise?.title || "" },
    prompts: session.prompts,
  };
  return quietly(run("sessions", "readwrite", (store) => store.put(shell)), null);
}

export function savedSession(id) {
  return quietly(run("sessions", "readonly", (store) => store.get(id)), null);
}

export function putDraft(draft) {
  return quietly(run("drafts", "readwrite", (store) => store.put(draft)), null);
}

export function draftsFor(sessionId) {
  return quietly(run("drafts", "readonly", (store) => store.index("session").getAll(sessionId)), []);
}

// Forget one session (it was submitted or is no longer being answered).
export async function forgetSession(sessionId) {
  const drafts = await draftsFor(sessionId);
  await quietly(
    run("drafts", "readwrite", (store) => {
      let last = store.count();
      for (const draft of drafts) last = store.delete([draft.session, draft.prompt]);
      return last;
    }),
    null,
  );
  await quietly(run("sessions", "readwrite", (store) => store.delete(sessionId)), null);
}

// Everything, at once: quick exit does not wait for it, logout does.
export function clearAll() {
  return new Promise((resolve) => {
    if (!("indexedDB" in self)) return resolve();
    const req = indexedDB.deleteDatabase(NAME);
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
}
