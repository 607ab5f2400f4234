/**
 * A signed-in browser over real HTTP for the benchmarks that talk to a listening Hearth (hostile
 * requests, load): keeps cookies and the last CSRF token, signs in with a demo password.
 */
import { request } from 'node:http';

export function send(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string | Buffer,
): Promise<{ status: number; body: string; setCookie: string[]; location: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          setCookie: res.headers['set-cookie'] ?? [],
          location: res.headers.location ?? '',
        }),
      );
    });
    req.on('error', reject);
    req.setTimeout(60_000, () => req.destroy(new Error(`timed out: ${method} ${path}`)));
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** A signed-in browser over HTTP: its cookies and the last CSRF token it was given. */
export class Browser {
  private cookies = new Map<string, string>();
  csrf = '';
  constructor(
    private readonly port: number,
    private readonly password: string,
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async go(method: string, path: string, contentType?: string, body?: string | Buffer) {
    const headers: Record<string, string> = { cookie: this.cookieHeader() };
    if (contentType) headers['content-type'] = contentType;
    const response = await send(this.port, method, path, headers, body);
    for (const line of response.setCookie) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
    if (token) this.csrf = token;
    return response;
  }

  async signIn(username: string): Promise<void> {
    await this.go('GET', '/sign-in');
    const body = new URLSearchParams({ _csrf: this.csrf, username, password: this.password }).toString();
    const response = await this.go('POST', '/sign-in', 'application/x-www-form-urlencoded', body);
    if (response.status !== 303) throw new Error(`sign-in as ${username} answered ${response.status}`);
  }
}
