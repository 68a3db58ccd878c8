import { connect } from "node:net";

/**
 * Resolves once something accepts connections on the port, rejects after the deadline.
 *
 * @example
 * await waitForPort(3000, "127.0.0.1", Date.now() + 5000);
 */
export function waitForPort(port: number, hostname: string, deadline: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = connect(port, hostname, () => {
        socket.destroy();
        resolve();
      });
      socket.on("error", () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`Nothing answered on ${hostname}:${port}.`));
        else setTimeout(attempt, 20);
      });
    };
    attempt();
  });
}
