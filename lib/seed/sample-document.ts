// Written for Glossa's demo project: short, but with the material a stance-and-framing
// project meets daily — parties, armed groups, places, dates, nested names, several
// stance targets, security/sovereignty/identity frames, and one Urdu line.
export const SAMPLE_DOCUMENT = {
  name: 'Demo — Border talks stall as attacks rise',
  metadata: { source: 'Glossa demo', date: '2026-03-12', author: 'Editorial board', language: 'en' },
  text:
    `Border talks stall as attacks rise

Talks between Pakistan and the Afghan Taliban ended in Doha ` +
    `on Tuesday without an agreement, two days after an attack in Bannu killed eleven soldiers. ` +
    `Islamabad blames the Tehreek-e-Taliban Pakistan (TTP), which it says plans its raids from ` +
    `sanctuaries across the Durand Line.

Officials in Kabul reject the charge and call the border a ` +
    `colonial imposition. The Hafiz Gul Bahadur group, led by Hafiz Gul Bahadur, has meanwhile ` +
    `claimed two of the attacks, and analysts in Peshawar describe it as an ally of the TTP.

The ` +
    `government's answer cannot be force alone. Pakistan must defend its citizens, but a policy that ` +
    `treats every Pashtun as a suspect will only widen the gap the militants exploit. As a shopkeeper ` +
    `in Bannu put it: "امن ہمارا حق ہے" — peace is our right.`,
};
