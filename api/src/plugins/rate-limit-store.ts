import type { RateLimitOptions } from '@fastify/rate-limit';
import type { RateLimitRepository } from '../repositories/rate-limit.repository.js';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** Counters of ended windows are swept about once in this many requests, so the table stays small. */
const SWEEP_EVERY = 1000;

/**
 * @fastify/rate-limit's store interface over the shared counters of rate-limit.repository.ts, for
 * PostgreSQL, where several server processes answer the same readers. A route with its own limit
 * (`child`) counts under its own key prefix, as the plugin's in-memory store does.
 */
export function sharedRateLimitStore(counters: RateLimitRepository): NonNullable<RateLimitOptions['store']> {
  let requests = 0;
  class SharedStore {
    constructor(
      private readonly options: { timeWindow?: number },
      private readonly prefix = '',
    ) {}

    incr(key: string, callback: Callback, timeWindow = Number(this.options.timeWindow ?? 60_000)) {
      const now = Date.now();
      if (++requests % SWEEP_EVERY === 0) void counters.sweep(now).catch(() => {});
      counters.increment(this.prefix + key, timeWindow, now).then(
        (state) => callback(null, { current: state.count, ttl: state.resetAt - now }),
        (error: Error) => callback(error),
      );
    }

    read(key: string, callback: Callback, timeWindow = Number(this.options.timeWindow ?? 60_000)) {
      const now = Date.now();
      counters.read(this.prefix + key).then(
        (state) =>
          callback(
            null,
            state && state.resetAt > now ? { current: state.count, ttl: state.resetAt - now } : { current: 0, ttl: timeWindow },
          ),
        (error: Error) => callback(error),
      );
    }

    child(routeOptions: { routeInfo?: { method?: string; url?: string }; timeWindow?: number }) {
      const route = routeOptions.routeInfo ? `${routeOptions.routeInfo.method ?? ''} ${routeOptions.routeInfo.url ?? ''}:` : '';
      return new SharedStore({ ...this.options, ...routeOptions }, `${this.prefix}${route}`);
    }
  }
  return SharedStore as unknown as NonNullable<RateLimitOptions['store']>;
}
