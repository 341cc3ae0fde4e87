// Debian's firefox-esr for tests, driven over WebDriver BiDi by puppeteer-core 24 (the alias
// `puppeteer-core-firefox`; puppeteer-core 25 sends commands Firefox ESR 140 does not know).
// Shared by the element tests (web-test-runner.config.mjs) and the end-to-end tests.

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Profile preferences: fake camera and microphone, loopback WebRTC, no network services. */
export const FIREFOX_PREFS = {
  'media.navigator.streams.fake': true,
  // The page counts as permitted: only then does ICE gather host candidates on every interface,
  // loopback included. (`media.navigator.permission.disabled` instead leaves the page
  // unpermitted; it then gathers only default-route addresses and finds none in the namespace.)
  'permissions.default.camera': 1,
  'permissions.default.microphone': 1,
  'media.navigator.permission.fake': true,
  'media.peerconnection.ice.loopback': true,
  // host candidates as addresses, not mDNS .local names nobody resolves here
  'media.peerconnection.ice.obfuscate_host_addresses': false,
  // remote <video> and <audio> play without a click
  'media.autoplay.default': 0,
  'media.autoplay.blocking_policy': 0,
  // every page of the browser keeps decoding and running timers at full rate, foreground or not
  'media.suspend-background-video.enabled': false,
  'dom.min_background_timeout_value': 4,
  'dom.timeout.enable_budget_timer_throttling': false,
  // No camera-in-use indicator window: it would be the last focused window, one without tabs,
  // and WebDriver BiDi then fails to open the next page ("TabManager.getTabBrowser(...) is undefined").
  'privacy.webrtc.hideGlobalIndicator': true,
  // no update checks, telemetry or first-run pages
  'app.update.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
};
