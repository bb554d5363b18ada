import { describe, expect, it } from 'vitest';
import { isEmbedPath, withFrameAncestors } from './embed';

describe('embeds', () => {
  it('are the /embed/ pages, in any language', () => {
    expect(isEmbedPath('/embed/rome-statute/map')).toBe(true);
    expect(isEmbedPath('/ar/embed/opcat/counter')).toBe(true);
    expect(isEmbedPath('/maps/rome-statute')).toBe(false);
    expect(isEmbedPath('/fr/states/KEN')).toBe(false);
  });

  it('replace only the frame-ancestors directive of the policy', () => {
    const policy = "default-src 'self'; script-src 'self' 'sha256-abc'; frame-ancestors 'none'";
    expect(withFrameAncestors(policy, 'https://coalition.example.org https://news.example.com')).toBe(
      "default-src 'self'; script-src 'self' 'sha256-abc'; frame-ancestors https://coalition.example.org https://news.example.com",
    );
    expect(withFrameAncestors("default-src 'self'", '*')).toBe("default-src 'self'; frame-ancestors *");
  });
});
