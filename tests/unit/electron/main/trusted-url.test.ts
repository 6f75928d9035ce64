import { describe, expect, it } from 'vitest';
import { isAppUrl, parseExternalUrl } from '../../../../electron/main/trusted-url';

describe('external links go out only through parseExternalUrl', () => {
  it.each([
    'https://www.arrt.org/pages/partners/clinical-experience-verifiers',
    'mailto:coordinator@example.org',
  ])('allows %s', (url) => expect(parseExternalUrl(url)).not.toBeNull());

  it.each([
    'http://www.arrt.org/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'https://user:pass@evil.example/',
    'https://localhost/admin',
    'app://radledger/index.html',
    'smb://server/share',
    'not a url',
    'mailto:',
  ])('refuses %s', (url) => expect(parseExternalUrl(url)).toBeNull());
});

describe('isAppUrl', () => {
  it('recognises only our own origin', () => {
    expect(isAppUrl('app://radledger/index.html')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('https://radledger/')).toBe(false);
    expect(isAppUrl('file:///index.html')).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
  });
});
