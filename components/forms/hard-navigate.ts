/**
 * A full page load, for the moments the session changes (signed in, signed out, password set): the client
 * router's cache of pages rendered for the previous session must not be reused.
 */
export function hardNavigate(path: string) {
  window.location.assign(path);
}
