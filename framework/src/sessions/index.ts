/** Sessions (Flask's `sessions.py`): the session object, the interface, the signed-cookie store. */
export { Session } from "./session.ts";
export { NullSession } from "./null-session.ts";
export { SessionInterface, type SessionApp, type SessionCookieFlags } from "./session-interface.ts";
export { SecureCookieSessionInterface } from "./secure-cookie.ts";
export { addVary } from "./vary.ts";
export { setCookie, deleteCookie } from "./response-cookies.ts";
