// One door to the server. The REST API answers errors as {code, message, fields}; allauth's
// headless browser client as {status, errors: [{code, message, param}]}. Both become ApiError.
import { t } from "./i18n.js";

export class ApiError extends Error {
  constructor(status, code, message, fields = null, body = null) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
    // The whole error body: some errors carry more, e.g. the open session to continue.
    this.body = body;
  }
}

function csrfToken() {
  const row = document.cookie.split("; ").find((part) => part.startsWith("csrftoken="));
  return row ? decodeURIComponent(row.slice("csrftoken=".length)) : "";
}

async function send(method, url, body) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  // Django rotates the token at login, so it is read from the cookie for every request.
  if (method !== "GET") headers["X-CSRFToken"] = csrfToken();
  let response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: "same-origin",
      cache: "no-store",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, "offline", t("error.offline"));
  }
  let data = null;
  if (response.status !== 204) data = await response.json().catch(() => null);
  return { status: response.status, data };
}

function restError(status, data) {
  if (data && data.code) return new ApiError(status, data.code, data.message, data.fields || null, data);
  if (status === 404) return new ApiError(status, "not_found", t("error.not_found"));
  return new ApiError(status, "error", t("error.generic"));
}

async function rest(method, path, body) {
  const { status, data } = await send(method, `/api/${path}`, body);
  if (status >= 200 && status < 300) return data;
  throw restError(status, data);
}

// A file the server offers as an attachment (the export): the body as a Blob, not parsed.
async function download(path) {
  let response;
  try {
    response = await fetch(`/api/${path}`, { credentials: "same-origin", cache: "no-store" });
  } catch {
    throw new ApiError(0, "offline", t("error.offline"));
  }
  if (!response.ok) throw restError(response.status, await response.json().catch(() => null));
  const disposition = response.headers.get("Content-Disposition") || "";
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] || "tweespraak.json";
  return { blob: await response.blob(), name };
}

export const api = {
  get: (path) => rest("GET", path),
  post: (path, body = {}) => rest("POST", path, body),
  put: (path, body) => rest("PUT", path, body),
  patch: (path, body) => rest("PATCH", path, body),
  delete: (path, body) => rest("DELETE", path, body),
  download,
};

function authError(status, data) {
  const errors = data?.errors || [];
  const fields = {};
  const general = [];
  for (const error of errors) {
    if (error.param) (fields[error.param] ||= []).push(error.message);
    else general.push(error.message);
  }
  if (general.length) fields.non_field_errors = general;
  const code = errors[0]?.code || (status === 429 ? "too_many_requests" : "error");
  const message = general[0] || errors[0]?.message || t("error.generic");
  return new ApiError(status, code, message, Object.keys(fields).length ? fields : null);
}

// allauth headless, browser client. 200 = done and signed in; 401 = signed out or a flow is
// pending (the caller reads data.flows); 400/403/409/429 are errors.
async function auth(method, path, body) {
  const { status, data } = await send(method, `/_allauth/browser/v1/${path}`, body);
  if (status === 200 || status === 401) return { status, data: data?.data || {} };
  throw authError(status, data);
}

export const accounts = {
  signup: (body) => auth("POST", "auth/signup", body),
  verifyEmail: (key) => auth("POST", "auth/email/verify", { key }),
  login: (body) => auth("POST", "auth/login", body),
  // The second step of signing in: a code from the authenticator app, or a recovery code.
  secondStep: (code) => auth("POST", "auth/2fa/authenticate", { code }),
  logout: () => auth("DELETE", "auth/session"),
  requestPasswordReset: (email) => auth("POST", "auth/password/request", { email }),
  resetPassword: (key, password) => auth("POST", "auth/password/reset", { key, password }),
  reauthenticate: (password) => auth("POST", "auth/reauthenticate", { password }),
};

// allauth's account management (authenticators, signed-in sessions). 200 answers data; 404 means
// "not set up yet" and may carry meta (the TOTP secret); 401 while signed in means the password
// is wanted again, which `withReauth` understands.
async function manage(method, path, body) {
  const { status, data } = await send(method, `/_allauth/browser/v1/${path}`, body);
  if (status === 200 || status === 404) return { status, data: data?.data ?? null, meta: data?.meta || {} };
  if (status === 401 && data?.meta?.is_authenticated) {
    throw new ApiError(401, "reauthentication_required", t("reauth.intro"));
  }
  throw authError(status, data);
}

export const security = {
  authenticators: () => manage("GET", "account/authenticators"),
  totp: () => manage("GET", "account/authenticators/totp"),
  activateTotp: (code) => manage("POST", "account/authenticators/totp", { code }),
  deactivateTotp: () => manage("DELETE", "account/authenticators/totp"),
  recoveryCodes: () => manage("GET", "account/authenticators/recovery-codes"),
  newRecoveryCodes: () => manage("POST", "account/authenticators/recovery-codes"),
  sessions: () => manage("GET", "auth/sessions"),
  endSessions: (ids) => manage("DELETE", "auth/sessions", { sessions: ids }),
};

export function pendingFlow(result, id) {
  return (result.data.flows || []).some((flow) => flow.id === id && flow.is_pending);
}
