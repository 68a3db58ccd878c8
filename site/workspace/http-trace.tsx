/**
 * The request a check sent and the response the learner's app gave, shown under a failed HTTP
 * check so the learner sees exactly what went wrong on the wire.
 */
import type { HttpTrace } from "../../sandbox/report";

/**
 * An HTTP exchange, in the style of a raw HTTP message; its summary line (method, path, status)
 * shows even when closed.
 *
 * @example
 * <HttpTraceView trace={check.trace} open />
 */
export function HttpTraceView({ trace, open }: { trace: HttpTrace; open: boolean }) {
  const { request, response } = trace;
  return (
    <details className="trace" open={open}>
      <summary>
        Request and response: {request.method} {request.path} → {response.status}
      </summary>
      <div className="trace__grid">
        <div>
          <h4>Request sent</h4>
          <pre tabIndex={0}>{formatMessage(`${request.method} ${request.path}`, request.headers ?? {}, request.body)}</pre>
        </div>
        <div>
          <h4>Response received</h4>
          <pre tabIndex={0}>{formatMessage(`${response.status}`, response.headers, response.body)}</pre>
        </div>
      </div>
    </details>
  );
}

function formatMessage(firstLine: string, headers: Record<string, string>, body: string | undefined): string {
  const lines = [firstLine, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)];
  return body ? `${lines.join("\n")}\n\n${body}` : lines.join("\n");
}
