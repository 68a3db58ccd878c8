import { Vial, proxyFix } from "vial";
import { serve } from "vial/node";

const app = new Vial({ config: { TRUSTED_HOSTS: ["example.com"], SESSION_COOKIE_SECURE: true } });
// One nginx in front that sets X-Forwarded-For, -Proto and -Host:
app.use(proxyFix({ xFor: 1, xProto: 1, xHost: 1 }));
serve(app, { host: "127.0.0.1", port: 8000 });   // listen on loopback only: clients reach the proxy, not the app

export {};
