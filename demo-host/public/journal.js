// The call journal of the demo portal: every page records the SDK's call events per signed-in
// user in localStorage; the journal page lists them. This is what a customer's page would do
// with the SDK's timio-call-* events.
const me = document.body.dataset.user;
const storageKey = `timio-demo-journal:${me}`;
const lang = document.documentElement.lang === 'en' ? 'en' : 'de';

const words = {
  de: {
    outgoing: 'Ausgehend', incoming: 'Eingehend', ringing: 'Klingelt …', active: 'Läuft',
    completed: 'Angenommen', declined: 'Abgelehnt', busy: 'Besetzt', no_answer: 'Keine Antwort',
    cancelled: 'Abgebrochen', failed: 'Fehlgeschlagen', missed: 'Verpasst',
  },
  en: {
    outgoing: 'Outgoing', incoming: 'Incoming', ringing: 'Ringing …', active: 'In progress',
    completed: 'Answered', declined: 'Declined', busy: 'Busy', no_answer: 'No answer',
    cancelled: 'Cancelled', failed: 'Failed', missed: 'Missed',
  },
}[lang];

function load() {
  try {
    const list = JSON.parse(localStorage.getItem(storageKey) ?? '[]');
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}

function save(list) {
  localStorage.setItem(storageKey, JSON.stringify(list.slice(0, 200)));
}

/** Merges one event's CallInfo into the entry of that call. */
function record(call, missed) {
  if (!me || !call || typeof call.id !== 'string') return;
  const outgoing = call.caller?.id === me;
  const partner = outgoing ? call.callee : call.caller;
  const list = load();
  const previous = list.find((e) => e.id === call.id);
  const entry = {
    ...previous,
    id: call.id,
    direction: outgoing ? 'outgoing' : 'incoming',
    partner: { id: String(partner?.id ?? ''), name: String(partner?.name ?? '') },
    state: call.state,
    // A missed call stays missed when its `ended` event follows.
    outcome: missed || previous?.outcome === 'missed' ? 'missed' : call.outcome ?? previous?.outcome,
    startedAt: call.createdAt ?? previous?.startedAt ?? new Date().toISOString(),
    durationSeconds: typeof call.durationSeconds === 'number' ? call.durationSeconds : previous?.durationSeconds,
  };
  save([entry, ...list.filter((e) => e.id !== call.id)]);
  render();
}

for (const type of ['timio-call-started', 'timio-call-answered', 'timio-call-ended']) {
  document.addEventListener(type, (e) => record(e.detail?.call ?? e.detail, false));
}
document.addEventListener('timio-call-missed', (e) => record(e.detail?.call ?? e.detail, true));

function duration(seconds) {
  if (typeof seconds !== 'number') return '–';
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds % 60);
  return `${m}:${String(s).padStart(2, '0')}`;
}

function cell(row, content) {
  const td = document.createElement('td');
  // Explicit roles: on a phone the rows are laid out as cards (portal.css), which would drop them.
  td.setAttribute('role', 'cell');
  if (typeof content === 'string') td.textContent = content;
  else td.append(content);
  row.append(td);
  return td;
}

function render() {
  const table = document.getElementById('journal');
  if (!table) return;
  const list = load();
  const body = table.querySelector('tbody');
  body.replaceChildren();
  const fmt = new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });
  for (const e of list) {
    const row = document.createElement('tr');
    row.setAttribute('role', 'row');
    row.dataset.call = e.id;
    row.dataset.outcome = e.outcome ?? e.state ?? '';
    cell(row, fmt.format(new Date(e.startedAt)));
    const who = document.createElement('span');
    who.className = 'contact';
    const contact = document.createElement('timio-contact');
    contact.setAttribute('contact', e.partner.id);
    // Picture and name inside <timio-contact>: a click on either opens the contact menu.
    const avatar = document.createElement('span');
    avatar.className = 'avatar';
    avatar.setAttribute('aria-hidden', 'true');
    avatar.textContent = e.partner.name.split(/\s+/).slice(0, 2).map((w) => w[0]?.toUpperCase() ?? '').join('');
    const name = document.createElement('span');
    name.className = 'name';
    name.textContent = e.partner.name;
    contact.append(avatar, name);
    const button = document.createElement('timio-call-button');
    button.setAttribute('contact', e.partner.id);
    button.setAttribute('name', e.partner.name);
    who.append(contact, button);
    cell(row, who);
    cell(row, words[e.direction] ?? e.direction);
    cell(row, words[e.outcome] ?? words[e.state] ?? '').className = 'outcome';
    cell(row, e.outcome === 'completed' ? duration(e.durationSeconds) : '–').className = 'duration';
    body.append(row);
  }
  table.hidden = list.length === 0;
  document.getElementById('journal-empty').hidden = list.length > 0;
}

document.getElementById('journal-clear')?.addEventListener('click', () => {
  save([]);
  render();
});
window.addEventListener('storage', (e) => {
  if (e.key === storageKey) render();
});
render();
