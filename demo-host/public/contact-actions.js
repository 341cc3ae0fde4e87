// "Weitere Kontaktoptionen" of the demo portal: registered once per page, offered in every
// contact menu and in the call window's header for the partner (what a customer's portal adds).
import { timio } from '/sdk/timio.js';

const me = document.body.dataset.user;

timio.registerContactActions([
  {
    id: 'journal',
    label: { de: 'Anrufe im Journal', en: 'Calls in the journal' },
    href: (contact) => `/journal#contact-${encodeURIComponent(contact.id)}`,
  },
  {
    id: 'mail',
    label: { de: 'E-Mail schreiben', en: 'Write an email' },
    href: (contact) => `mailto:${encodeURIComponent(contact.id)}@example.com`,
    when: (contact) => contact.id !== me,
  },
]);
