/** Sessions (Flask's `sessions.py`): the session object, the interface, the signed-cookie store. */
export { Session } from "./session";
export { NullSession } from "./null-session";
export { SessionInterface, type SessionCookieFlags } from "./session-interface";
export { SecureCookieSessionInterface } from "./secure-cookie";
export { addVary } from "./vary";
export { setCookie, deleteCookie } from "./response-cookies";
