// Headless Debian Chromium for tests and benches, launched by playwright-core with the project's
// flags: fake camera and microphone, loopback WebRTC, no network services (tests run offline).
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--allow-loopback-in-peer-connection',
  // remote <video> elements play without a click
  '--autoplay-policy=no-user-gesture-required',
  // background tabs of one browser must keep decoding at full rate
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

export function launchChromium(opts: { args?: string[] } & Omit<LaunchOptions, 'args' | 'executablePath'> = {}): Promise<Browser> {
  const { args = [], ...rest } = opts;
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...args], ...rest });
}
