/**
 * Just enough types for the Express app: express, cookie and cookie-signature ship no types and
 * @types packages are not installed.
 */
declare module "express" {
  import type { IncomingMessage, Server, ServerResponse } from "node:http";
  interface Request extends IncomingMessage {
    params: Record<string, string> & { id: string };
    body: unknown;
  }
  interface Response extends ServerResponse {
    type(type: string): Response;
    status(code: number): Response;
    send(body: string): Response;
    json(body: unknown): Response;
    cookie(name: string, value: unknown, options?: Record<string, unknown>): Response;
  }
  type Handler = (req: Request, res: Response, next: (error?: unknown) => void) => void;
  interface Application {
    (req: IncomingMessage, res: ServerResponse): void;
    disable(setting: string): Application;
    get(path: string, ...handlers: Handler[]): Application;
    post(path: string, ...handlers: Handler[]): Application;
    listen(port: number, host: string, callback: () => void): Server;
  }
  interface Express {
    (): Application;
    json(): Handler;
  }
  const express: Express;
  export default express;
}

declare module "cookie" {
  export function parse(header: string): Record<string, string | undefined>;
}

declare module "cookie-signature" {
  export function sign(value: string, secret: string): string;
  export function unsign(value: string, secret: string): string | false;
}
