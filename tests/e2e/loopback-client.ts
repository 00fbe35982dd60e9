// An HTTP client that connects from an address of its own: Linux routes all
// of 127.0.0.0/8 to the loopback device, so binding the socket to 127.x.y.z
// gives the server a different client address per test, as different machines
// would. Playwright's request context cannot choose its source address, and a
// forged X-Forwarded-For is exactly what the server must not believe.
import http from "node:http";

let counter = 0;

/** A fresh loopback address, unique within this run (127.0.0.1 is left to the browser). */
export function freshLoopbackAddress(): string {
  const n = (process.pid % 200) * 1000 + ++counter;
  return `127.${(n >> 16) & 255}.${(n >> 8) & 255}.${(n & 255) || 2}`;
}

export interface LoopbackResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** Whether the answer set a session cookie. */
  sessionCookieSet: boolean;
}

/** Requests from one loopback address, keeping the cookies the server sets (a browser of its own). */
export class LoopbackClient {
  private readonly cookies = new Map<string, string>();

  constructor(
    readonly baseURL: string,
    readonly address = freshLoopbackAddress(),
  ) {}

  request(method: string, path: string, opts: { body?: string; contentType?: string; headers?: Record<string, string> } = {}): Promise<LoopbackResponse> {
    const url = new URL(path, this.baseURL);
    const headers: Record<string, string> = { ...opts.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    if (opts.body !== undefined) {
      headers["content-type"] = opts.contentType ?? "application/x-www-form-urlencoded";
      headers["content-length"] = String(Buffer.byteLength(opts.body));
    }
    return new Promise((resolve, reject) => {
      const req = http.request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers, localAddress: this.address, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          let sessionCookieSet = false;
          for (const c of res.headers["set-cookie"] ?? []) {
            const [pair] = c.split(";");
            const i = pair.indexOf("=");
            const [name, value] = [pair.slice(0, i), pair.slice(i + 1)];
            if (/(^|__Secure-)authjs\.session-token$/.test(name) && value) sessionCookieSet = true;
            if (value) this.cookies.set(name, value);
            else this.cookies.delete(name);
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8"), sessionCookieSet });
        });
      });
      req.on("error", reject);
      if (opts.body !== undefined) req.write(opts.body);
      req.end();
    });
  }

  async csrfToken(): Promise<string> {
    return (JSON.parse((await this.request("GET", "/api/auth/csrf")).text) as { csrfToken: string }).csrfToken;
  }

  /** One credentials sign-in through next-auth's endpoint, form-encoded (or JSON), with a fresh CSRF token. */
  async signIn(email: string, password: string, opts: { json?: boolean; headers?: Record<string, string> } = {}): Promise<LoopbackResponse> {
    const fields = { email, password, csrfToken: await this.csrfToken(), callbackUrl: "/" };
    return opts.json
      ? this.request("POST", "/api/auth/callback/credentials", { body: JSON.stringify(fields), contentType: "application/json", headers: opts.headers })
      : this.request("POST", "/api/auth/callback/credentials", { body: new URLSearchParams(fields).toString(), headers: opts.headers });
  }
}
