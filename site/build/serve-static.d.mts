// Types for serve-static.mjs (plain JavaScript, run by node directly).
import type { Server } from "node:http";
export declare function staticHeaders(pathname: string, file: string): Record<string, string>;
export declare function createStaticServer(dir: string): Server;
