// Who is signed in: the profile from /api/me/, or null.
import { api } from "./api.js";

let me = null;

export async function refreshMe() {
  try {
    me = await api.get("me/");
  } catch (error) {
    if (error.status !== 401 && error.status !== 403) throw error;
    me = null;
  }
  return me;
}

export function currentUser() {
  return me;
}

export function setCurrentUser(user) {
  me = user;
}
