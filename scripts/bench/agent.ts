/**
 * A browser stand-in for benchmarks: keeps cookies, fills in the CSRF token from the last page,
 * and talks to the app through `app.inject` (no network, so the figures are the server's time).
 * Each agent has its own address, so sign-in rate limits apply per agent as for real users.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

let agents = 0;

export class BenchAgent {
  private readonly cookies = new Map<string, string>();
  private csrf: string | null = null;
  readonly address: string;

  constructor(private readonly app: FastifyInstance) {
    agents += 1;
    this.address = `10.${(agents >> 16) & 255}.${(agents >> 8) & 255}.${agents & 255}`;
  }

  private remember(response: LightMyRequestResponse): void {
    for (const c of response.cookies) {
      if (c.value === '' || (c.maxAge !== undefined && c.maxAge <= 0)) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body);
    if (token) this.csrf = token[1] ?? null;
  }

  private get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({
      method: 'GET',
      url,
      remoteAddress: this.address,
      headers: { cookie: this.cookieHeader },
    });
    this.remember(response);
    return response;
  }

  async post(url: string, form: Record<string, string>): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams({ ...form, _csrf: this.csrf ?? '' });
    const response = await this.app.inject({
      method: 'POST',
      url,
      remoteAddress: this.address,
      headers: { cookie: this.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    });
    this.remember(response);
    return response;
  }

  /** Loads the sign-in form (for its CSRF token); the caller posts it. */
  async openSignIn(): Promise<void> {
    this.cookies.clear();
    await this.get('/sign-in');
  }

  async signIn(username: string, password: string): Promise<LightMyRequestResponse> {
    await this.openSignIn();
    const response = await this.post('/sign-in', { username, password });
    if (response.statusCode !== 303) throw new Error(`sign-in for ${username} failed with ${response.statusCode}`);
    return response;
  }
}
