// A few messages per chat room so the chat pages show contact names in context.
import type { Lang } from './i18n.js';

export interface SeedMessage { from: string; minutesAgo: number; text: Record<Lang, string> }

export const chatSeed: Record<string, SeedMessage[]> = {
  vertrieb: [
    { from: 'anna', minutesAgo: 95, text: { de: 'Guten Morgen! Das Angebot für Müller & Co. ist raus.', en: 'Good morning! The offer for Müller & Co. is out.' } },
    { from: 'ben', minutesAgo: 80, text: { de: 'Super, danke. Ich rufe sie heute Nachmittag an.', en: 'Great, thanks. I will call them this afternoon.' } },
    { from: 'carla', minutesAgo: 42, text: { de: 'Kann jemand kurz die Preisliste prüfen?', en: 'Could someone check the price list quickly?' } },
    { from: 'felix', minutesAgo: 12, text: { de: 'Mache ich, Carla. Melde mich per Video.', en: 'I will, Carla. I will reach out by video.' } },
  ],
  entwicklung: [
    { from: 'david', minutesAgo: 120, text: { de: 'Release 2.4 ist auf Staging.', en: 'Release 2.4 is on staging.' } },
    { from: 'emma', minutesAgo: 64, text: { de: 'Die Tests laufen grün. <script> bleibt Text, versprochen.', en: 'Tests are green. <script> stays text, promise.' } },
    { from: 'ben', minutesAgo: 30, text: { de: 'Ich habe noch eine Frage zum Login, David.', en: 'One more question about the login, David.' } },
  ],
  alle: [
    { from: 'anna', minutesAgo: 300, text: { de: 'Sommerfest am Freitag ab 16 Uhr!', en: 'Summer party on Friday from 4 pm!' } },
    { from: 'david', minutesAgo: 200, text: { de: 'Ich bringe den Grill mit.', en: 'I will bring the barbecue.' } },
  ],
};
