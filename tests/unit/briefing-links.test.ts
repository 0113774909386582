import { describe, expect, it } from 'vitest';
import { publicLink } from '../../src/components/briefing/dom';

const at = (href: string) => {
  const u = new URL(href);
  return { protocol: u.protocol, hostname: u.hostname, origin: u.origin, pathname: u.pathname };
};

describe('links for other devices (QR codes)', () => {
  it('uses the configured public address, with or without a trailing slash, whatever the page is', () => {
    expect(publicLink('?tour=3&lang=en', 'https://maps.example.org/sei/', at('http://127.0.0.1:4173/'))).toEqual({
      href: 'https://maps.example.org/sei/?tour=3&lang=en',
      local: false,
    });
    expect(publicLink('?tour=3', 'https://maps.example.org/sei', at('file:///media/usb/shanghai-sei-map.html'))).toEqual({
      href: 'https://maps.example.org/sei/?tour=3',
      local: false,
    });
  });

  it('uses the page address when other machines can reach it', () => {
    expect(publicLink('?tour=6', undefined, at('https://intranet.corp/maps/sei/index.html'))).toEqual({
      href: 'https://intranet.corp/maps/sei/index.html?tour=6',
      local: false,
    });
    expect(publicLink('?tour=6', '  ', at('http://192.168.1.20:8080/'))).toEqual({ href: 'http://192.168.1.20:8080/?tour=6', local: false });
  });

  it('says a loopback or file address works only on this computer', () => {
    for (const page of ['http://127.0.0.1:5173/', 'http://localhost:4173/app/', 'http://[::1]:8000/', 'http://127.1.2.3/'])
      expect(publicLink('?tour=1', undefined, at(page)).local, page).toBe(true);
    expect(publicLink('?tour=1', '', at('file:///media/usb/shanghai-sei-map.html'))).toEqual({
      href: 'file:///media/usb/shanghai-sei-map.html?tour=1',
      local: true,
    });
  });
});
