import { Vial, csrf, csrfToken, flash, html, redirect, secureHeaders, rateLimit } from "vial";

const app = new Vial();
app.config.fromEnv("VIAL");                  // VIAL_SECRET_KEY=<long random string>
app.config.fromObject({
  SESSION_COOKIE_SECURE: true,               // only over HTTPS
  SESSION_COOKIE_SAMESITE: "Lax",            // not sent on cross-site POSTs
  TRUSTED_HOSTS: ["example.com"],            // other Host headers get 400
});
app.use(secureHeaders());                    // CSP with a nonce, HSTS, nosniff, frame-ancestors...
app.use(csrf());                             // token + Origin/Sec-Fetch-Site on POST/PUT/PATCH/DELETE
app.use(rateLimit({ window: 60, max: 100 })); // per client address, 429 with Retry-After

app.get("/profile", (req) => html`
  <form method="post">
    <input type="hidden" name="csrf_token" value="${csrfToken(req)}">
    <button>Save</button>
  </form>`);
app.post("/profile", (req) => {
  flash(req, "Saved.", "success");
  return redirect("/profile");
});

export {};
