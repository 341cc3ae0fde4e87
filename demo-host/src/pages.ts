// The portal's pages. Each embeds the SDK exactly as a customer page would: one module script
// tag and a <timio-config>; contacts are wrapped in <timio-contact> with a <timio-call-button>.
import { Html, html } from './html.js';
import { portalStrings, type Lang, type PortalStrings } from './i18n.js';
import { chatSeed } from './chat-seed.js';

export interface DemoUser { id: string; name: string }
export interface DemoRoom { id: string; name: string; members: string[]; moderators: string[] }
export interface DemoDirectory { users: DemoUser[]; rooms: DemoRoom[] }

export interface PageContext {
  lang: Lang;
  /** This portal's origin as the browser reached it (the chat rooms' links for colleagues). */
  origin: string;
  user?: DemoUser;
  tokenServiceUrl: string;
  path: string;
}

type Section = 'portal' | 'journal' | 'chat' | 'login' | 'none';

function layout(ctx: PageContext, section: Section, title: string, body: Html): string {
  const t = portalStrings[ctx.lang];
  const other: Lang = ctx.lang === 'de' ? 'en' : 'de';
  const nav = (href: string, label: string, name: Section) =>
    html`<a href="${href}" ${section === name ? html`aria-current="page"` : ''}>${label}</a>`;
  return html`<!doctype html>
<html lang="${ctx.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${t.title}</title>
<link rel="stylesheet" href="/assets/portal.css">
${ctx.user
  ? html`<script type="module" src="/sdk/timio.js"></script>
<script type="module" src="/assets/contact-actions.js"></script>`
  : ''}
</head>
<body data-user="${ctx.user?.id ?? ''}">
${ctx.user
  ? html`<timio-config token-service-url="${ctx.tokenServiceUrl}" portal-token-url="/api/portal-token" locale="${ctx.lang}" backgrounds="/assets/backgrounds/office.svg"></timio-config>`
  : ''}
<header class="top">
  <a class="brand" href="/">TIMIO ${t.title}</a>
  ${ctx.user ? html`<nav aria-label="${t.title}">${nav('/', t.portal, 'portal')}${nav('/journal', t.journal, 'journal')}${nav('/chat', t.chat, 'chat')}</nav>` : ''}
  <div class="account">
    <a class="lang" href="/lang/${other}?back=${encodeURIComponent(ctx.path)}" hreflang="${other}" lang="${other}">${t.otherLanguage}</a>
    ${ctx.user
      ? html`<span class="me">${t.signedInAs} <strong data-testid="me">${ctx.user.name}</strong></span>
        <form method="post" action="/logout"><button type="submit">${t.signOut}</button></form>`
      : ''}
  </div>
</header>
<main>
${body}
</main>
</body>
</html>`.value;
}

/**
 * A contact as it appears anywhere in the portal: picture and name inside <timio-contact> (a click on
 * either opens the contact menu), the video button beside them.
 */
function contact(user: DemoUser): Html {
  return html`<span class="contact"><timio-contact contact="${user.id}">${avatar(user)}<span class="name">${user.name}</span></timio-contact><timio-call-button contact="${user.id}" name="${user.name}"></timio-call-button></span>`;
}

/** A person's picture (their initials); hidden from screen readers, the name says who it is. */
function avatar(user: DemoUser): Html {
  return html`<span class="avatar" aria-hidden="true">${initials(user.name)}</span>`;
}

function initials(name: string): string {
  return name.split(/\s+/).slice(0, 2).map((w) => w[0]?.toUpperCase() ?? '').join('');
}

export function loginPage(ctx: PageContext, users: DemoUser[]): string {
  const t = portalStrings[ctx.lang];
  return layout(ctx, 'login', t.signIn, html`
<section class="card narrow">
  <h1>${t.signInTitle}</h1>
  <p class="hint">${t.signInHint}</p>
  <form method="post" action="/login" class="people">
    ${users.map((u) => html`<button type="submit" name="user" value="${u.id}" data-user="${u.id}"><span class="avatar" aria-hidden="true">${initials(u.name)}</span>${u.name}</button>`)}
  </form>
</section>`);
}

export function directoryPage(ctx: PageContext, dir: DemoDirectory): string {
  const t = portalStrings[ctx.lang];
  const me = ctx.user!;
  const roomsOf = (id: string) => dir.rooms.filter((r) => r.members.includes(id)).map((r) => r.name).join(', ');
  return layout(ctx, 'portal', t.portal, html`
<section class="card">
  <h1>${t.directory}</h1>
  <p class="hint">${t.directoryHint} <span class="pointer-only">${t.menuHintPointer}</span><span class="touch-only">${t.menuHintTouch}</span></p>
  <table class="directory">
    <thead><tr><th scope="col">${t.name}</th><th scope="col">${t.teams}</th></tr></thead>
    <tbody>
    ${dir.users.map((u) => html`<tr data-contact="${u.id}">
      <td>${u.id === me.id ? html`<span class="contact">${avatar(u)}<span class="name">${u.name} <span class="hint">${t.you}</span></span></span>` : contact(u)}</td>
      <td>${roomsOf(u.id)}</td>
    </tr>`)}
    </tbody>
  </table>
</section>`);
}

export function journalPage(ctx: PageContext, _dir: DemoDirectory): string {
  const t = portalStrings[ctx.lang];
  // The journal is the token service's call history of the signed-in person (GET /v1/history),
  // the same on every device: <timio-call-history> from timio-history.js, beside timio.js.
  return layout(ctx, 'journal', t.journal, html`
<section class="card">
  <div class="title-row">
    <h1>${t.journalTitle}</h1>
  </div>
  <timio-call-history id="journal"></timio-call-history>
  <script type="module" src="/sdk/timio-history.js"></script>
</section>`);
}

export function chatIndexPage(ctx: PageContext, dir: DemoDirectory, error?: 'invalidName' | 'notSaved'): string {
  const t = portalStrings[ctx.lang];
  const me = ctx.user!;
  const mine = dir.rooms.filter((r) => r.members.includes(me.id));
  // Each room shows live whether a meeting runs and how many are in it (a compact room bar).
  return layout(ctx, 'chat', t.chat, html`
<section class="card">
  <h1>${t.rooms}</h1>
  <ul class="rooms">
    ${mine.map((r) => html`<li data-room="${r.id}"><a href="/chat/${r.id}">${r.name}</a> <span class="hint">${r.members.length} ${t.members}</span> <timio-room-bar room="${r.id}" compact></timio-room-bar></li>`)}
  </ul>
</section>
<section class="card">
  <h2 id="new-room">${t.newRoom}</h2>
  <p class="hint">${t.newRoomHint}</p>
  <form method="post" action="/chat/rooms" class="new-room" aria-labelledby="new-room">
    <label>${t.roomName} <input name="name" required maxlength="60" autocomplete="off" ${error ? html`aria-invalid="true" aria-describedby="new-room-error"` : ''}></label>
    ${error ? html`<p id="new-room-error" class="error" role="alert">${t[error]}</p>` : ''}
    <fieldset><legend>${t.chooseMembers}</legend>
      ${dir.users.filter((u) => u.id !== me.id).map((u) => html`<label class="check"><input type="checkbox" name="members" value="${u.id}"> ${u.name}</label>`)}
    </fieldset>
    <button type="submit" class="primary">${t.create}</button>
  </form>
</section>`);
}

export function chatRoomPage(ctx: PageContext, dir: DemoDirectory, room: DemoRoom): string {
  const t = portalStrings[ctx.lang];
  const byId = new Map(dir.users.map((u) => [u.id, u]));
  const when = (minutesAgo: number) =>
    new Date(Date.now() - minutesAgo * 60_000).toLocaleTimeString(ctx.lang === 'de' ? 'de-DE' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
  const person = (id: string) => byId.get(id) ?? { id, name: id };
  return layout(ctx, 'chat', room.name, html`
<div class="room-top">
  <h1># ${room.name}</h1>
  <timio-room-bar room="${room.id}"></timio-room-bar>
</div>
<div class="chat">
  <section class="card messages" aria-label="${room.name}">
    <ol>
      ${(chatSeed[room.id] ?? []).map((m) => html`<li>
        <div class="meta">${m.from === ctx.user!.id ? html`<strong>${person(m.from).name}</strong>` : contact(person(m.from))} <time>${when(m.minutesAgo)}</time></div>
        <p>${m.text[ctx.lang]}</p>
      </li>`)}
    </ol>
  </section>
  <aside class="card conference" aria-label="${t.conference}">
    <timio-conference room="${room.id}" room-url="${ctx.origin}/chat/${room.id}"></timio-conference>
  </aside>
  <aside class="card members">
    <h2>${t.members}</h2>
    <ul>
      ${room.members.map((id) => html`<li>${id === ctx.user!.id ? html`${person(id).name} <span class="hint">${t.you}</span>` : contact(person(id))}${room.moderators.includes(id) ? html` <span class="tag">${t.moderator}</span>` : ''}</li>`)}
    </ul>
  </aside>
</div>`);
}

/**
 * The guest page of invite links (`/guest#invite=…`): no portal session, no navigation, only the
 * SDK's <timio-guest-join>, which reads the invite from the fragment (never sent to this server).
 */
export function guestPage(ctx: PageContext): string {
  const t = portalStrings[ctx.lang];
  return html`<!doctype html>
<html lang="${ctx.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.guestTitle} · ${t.title}</title>
<link rel="stylesheet" href="/assets/portal.css">
<script type="module" src="/sdk/timio-guest.js"></script>
</head>
<body class="guest">
<header class="top"><span class="brand">TIMIO ${t.title}</span></header>
<main>
<timio-guest-join service-url="${ctx.tokenServiceUrl}"></timio-guest-join>
</main>
</body>
</html>`.value;
}

export function notFoundPage(ctx: PageContext): string {
  const t = portalStrings[ctx.lang];
  return layout(ctx, 'none', '404', html`<section class="card narrow"><h1>404</h1><p>${t.notFound}</p><p><a href="/">${t.portal}</a></p></section>`);
}

export type { PortalStrings };

