/**
 * What Vial needs from a Redis client: one way to send a command. ioredis's `Redis` has it as is;
 * any other client gets a one-line adapter, so `vial/redis` imports no client library.
 */

/**
 * A Redis connection that runs one command and resolves with Redis's reply.
 *
 * @example
 * ```ts
 * import type { RedisCommands } from "vial/redis";
 * // ioredis: `new Redis(url)` is one already. node-redis (`createClient`) needs an adapter:
 * declare const nodeRedis: { sendCommand(args: string[]): Promise<unknown> };
 * const commands: RedisCommands = { call: (command, ...args) => nodeRedis.sendCommand([command, ...args.map(String)]) };
 * ```
 */
export interface RedisCommands {
  call(command: string, ...args: (string | number)[]): Promise<unknown>;
}
